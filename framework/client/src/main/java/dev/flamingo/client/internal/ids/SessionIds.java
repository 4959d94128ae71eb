package dev.flamingo.client.internal.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives the three ids of a session exactly as Croquet's {@code initFromSessionSpec} does (reference §2.7):
 * {@code persistentId = H(appId/name + stable(persistentOptions))},
 * {@code versionId} = the model core's code identity (itself H over the framework version, class bytecode and
 * constants, the counterpart of Croquet's {@code H(sdk|classHash...)}),
 * {@code sessionId = H(persistentId|developerId + stable(otherOptions) + versionId)}, where H is SHA-256 in
 * unpadded base64url. Immutable; any thread.
 */
public record SessionIds(String persistentId, String versionId, String sessionId) {

    /** Croquet's developer id when no sign server is involved (box, reflector override, offline). */
    public static final String UNKNOWN_DEVELOPER = "unknown_dev_id";

    /**
     * Computes the ids; {@code persistentKeys} are the option keys hashed into the persistent id instead of
     * the session id (Croquet's {@code persistentIdOptions}), and {@code versionId} the code identity.
     */
    public static SessionIds derive(String appId, String name, Map<String, ?> options, List<String> persistentKeys,
            String versionId) {
        TreeMap<String, Object> persistent = new TreeMap<>();
        TreeMap<String, Object> session = new TreeMap<>(options);
        for (String key : persistentKeys) {
            if (!options.containsKey(key)) {
                throw new IllegalArgumentException("persistentIdOptions names \"" + key
                        + "\" but options has no such key; options keys are " + options.keySet());
            }
            persistent.put(key, session.remove(key));
        }
        String persistentId = hash(appId + "/" + name + StableJson.stringify(persistent, "options"));
        String sessionId = hash(persistentId + "|" + UNKNOWN_DEVELOPER + StableJson.stringify(session, "options")
                + versionId);
        return new SessionIds(persistentId, versionId, sessionId);
    }

    /** Croquet's {@code hashString}: SHA-256 of the UTF-8 bytes, base64url without padding (43 chars). */
    public static String hash(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime has SHA-256", e);
        }
    }
}
