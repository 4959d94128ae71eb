package dev.flamingo.client.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The 256-bit session key, derived once per join from the password with Argon2id salted by the persistentId.
 *
 * <p>Croquet uses one round of PBKDF2-SHA1 with an empty salt, so a captured ciphertext can be brute-forced at
 * GPU speed. Argon2id with OWASP's minimum profile (19 MiB, 2 passes, 1 lane) costs about 50 ms here once
 * warm (125 ms cold) and makes each guess memory-bound; salting with the persistentId means one precomputed
 * table does not cover two sessions. Immutable; any thread.
 */
public final class SessionKey {

    static final int MEMORY_KIB = 19 * 1024;
    static final int PASSES = 2;
    private static final byte[] SALT_PREFIX = "flamingo/session-key/v1/".getBytes(StandardCharsets.UTF_8);

    private final byte[] key;

    private SessionKey(byte[] key) {
        this.key = key;
    }

    /** Runs Argon2id over {@code password} salted with {@code persistentId}; takes tens of milliseconds. */
    public static SessionKey derive(String password, String persistentId) {
        byte[] id = persistentId.getBytes(StandardCharsets.UTF_8);
        byte[] salt = Arrays.copyOf(SALT_PREFIX, SALT_PREFIX.length + id.length);
        System.arraycopy(id, 0, salt, SALT_PREFIX.length, id.length);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(MEMORY_KIB)
                .withIterations(PASSES)
                .withParallelism(1)
                .withSalt(salt)
                .build());
        byte[] key = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), key);
        return new SessionKey(key);
    }

    /** Wraps raw key bytes (32 of them), for tests and for keys that travel inside data handles. */
    public static SessionKey ofBytes(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, got " + key.length);
        }
        return new SessionKey(key.clone());
    }

    byte[] bytes() {
        return key;
    }
}
