package dev.flamingo.client.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM envelopes: binary {@code "FLG1" | iv[12] | ciphertext+tag[16]}, and the same bytes in base64 for
 * text frames. Replaces Croquet's CBC + HMAC-over-plaintext with one authenticated mode; the associated data
 * binds each envelope to its {@link Purpose} and session. Immutable; any thread (a cipher per call).
 */
public final class Envelope {

    private static final byte[] MAGIC = {'F', 'L', 'G', '1'};
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = MAGIC.length + IV_BYTES;

    private final KeyParameter key;
    private final SecureRandom random;
    // Keyed ciphers per thread: re-initialising with a null key keeps the GHASH tables, which saves about
    // three quarters of the cost of a small message (20 us -> 5 us here).
    private final ThreadLocal<GCMModeCipher> encryptors;
    private final ThreadLocal<GCMModeCipher> decryptors;

    /** Creates envelopes under {@code key}, drawing IVs from {@code random}. */
    public Envelope(SessionKey key, SecureRandom random) {
        this.key = new KeyParameter(key.bytes());
        this.random = random;
        this.encryptors = ThreadLocal.withInitial(() -> keyed(true));
        this.decryptors = ThreadLocal.withInitial(() -> keyed(false));
    }

    /** Encrypts {@code plaintext} for {@code purpose} within {@code context} (a session or persistent id). */
    public byte[] seal(Purpose purpose, String context, byte[] plaintext) {
        byte[] out = new byte[HEADER + plaintext.length + TAG_BITS / 8];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, out, MAGIC.length, IV_BYTES);
        GCMModeCipher cipher = cipher(true, iv, purpose, context);
        int n = cipher.processBytes(plaintext, 0, plaintext.length, out, HEADER);
        try {
            cipher.doFinal(out, HEADER + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail on a sized buffer", e);
        }
        return out;
    }

    /** Decrypts and authenticates; rejects anything not sealed by this key for this purpose and context. */
    public byte[] open(Purpose purpose, String context, byte[] sealed) throws RejectedEnvelopeException {
        if (sealed.length < HEADER + TAG_BITS / 8 || !Arrays.equals(MAGIC, 0, MAGIC.length, sealed, 0, MAGIC.length)) {
            throw new RejectedEnvelopeException(purpose.label() + " envelope is malformed (" + sealed.length
                    + " bytes, expected the FLG1 header)");
        }
        byte[] iv = Arrays.copyOfRange(sealed, MAGIC.length, HEADER);
        GCMModeCipher cipher = cipher(false, iv, purpose, context);
        byte[] out = new byte[cipher.getOutputSize(sealed.length - HEADER)];
        int n = cipher.processBytes(sealed, HEADER, sealed.length - HEADER, out, 0);
        try {
            cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new RejectedEnvelopeException(purpose.label() + " envelope failed authentication: wrong "
                    + "password, tampered, or sealed for another session");
        }
        return out;
    }

    /** {@link #seal} as base64, for JSON frames. */
    public String sealText(Purpose purpose, String context, byte[] plaintext) {
        return Base64.getEncoder().encodeToString(seal(purpose, context, plaintext));
    }

    /** {@link #open} of a base64 envelope. */
    public byte[] openText(Purpose purpose, String context, String sealed) throws RejectedEnvelopeException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new RejectedEnvelopeException(purpose.label() + " envelope is not base64");
        }
        return open(purpose, context, bytes);
    }

    private GCMModeCipher cipher(boolean encrypt, byte[] iv, Purpose purpose, String context) {
        byte[] aad = ("flamingo/v1/" + purpose.label() + "/" + context).getBytes(StandardCharsets.UTF_8);
        GCMModeCipher cipher = (encrypt ? encryptors : decryptors).get();
        cipher.init(encrypt, new AEADParameters(null, TAG_BITS, iv, aad));
        return cipher;
    }

    private GCMModeCipher keyed(boolean encrypt) {
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        // A throwaway nonce: only the key (and its tables) is kept for later inits.
        cipher.init(encrypt, new AEADParameters(key, TAG_BITS, new byte[IV_BYTES]));
        return cipher;
    }
}
