package dev.flamingo.reflector.internal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SAVE pointers (Croquet's {@code saved.json}): the URL of the latest persisted data per appId and
 * persistentId, offered to a brand-new session of the same app as {@code SYNC url} with
 * {@code persisted: true}. On disk under {@code persist/} when durable, else in memory. Any thread.
 */
final class PersistentPointers {
    private final Path dir;
    private final Map<String, String> memory = new ConcurrentHashMap<>();

    PersistentPointers(Path dir) {
        this.dir = dir;
    }

    void put(String appId, String persistentId, String url) {
        String key = key(appId, persistentId);
        memory.put(key, url);
        if (dir == null) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("appId", appId);
        o.addProperty("persistentId", persistentId);
        o.addProperty("url", url);
        try {
            DurableFiles.createDirectories(dir);
            DurableFiles.writeAtomically(dir.resolve(key + ".json"), o.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store persistent pointer for " + appId, e);
        }
    }

    String get(String appId, String persistentId) {
        String key = key(appId, persistentId);
        String url = memory.get(key);
        Path file = dir == null ? null : dir.resolve(key + ".json");
        if (url != null || file == null || !Files.isRegularFile(file)) {
            return url;
        }
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject().get("url").getAsString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read persistent pointer " + file, e);
        }
    }

    private static String key(String appId, String persistentId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((appId + "/" + persistentId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
