package dev.flamingo.client.internal.files;

import java.io.FileNotFoundException;
import java.util.concurrent.ConcurrentHashMap;

/** Files kept in memory under {@code mem:/...} URLs, for offline mode (Croquet keeps them in its worker). Thread-safe. */
public final class MemoryFileStore implements FileStore {

    private final ConcurrentHashMap<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public String put(String path, byte[] bytes) {
        String url = url(path);
        files.put(url, bytes.clone());
        return url;
    }

    @Override
    public String url(String path) {
        return "mem:/" + path;
    }

    @Override
    public byte[] get(String url) throws FileNotFoundException {
        byte[] bytes = files.get(url);
        if (bytes == null) {
            throw new FileNotFoundException(url);
        }
        return bytes.clone();
    }
}
