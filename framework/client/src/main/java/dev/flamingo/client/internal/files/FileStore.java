package dev.flamingo.client.internal.files;

import java.io.IOException;

/**
 * Where a session's encrypted snapshots and persisted blobs are uploaded and fetched: the files server over
 * HTTP, or memory in offline mode. Implementations are thread-safe and may block.
 */
public interface FileStore {

    /**
     * Stores {@code bytes} under the relative {@code path} and returns the absolute URL to announce; storing
     * the same bytes again succeeds.
     *
     * @throws FileTooLargeException when the server refuses the size
     */
    String put(String path, byte[] bytes) throws IOException;

    /** The absolute URL of the relative {@code path}, as {@link #put} returns it. */
    String url(String path);

    /** Fetches the bytes at {@code url} (as returned by {@link #put} on any client). */
    byte[] get(String url) throws IOException;
}
