package dev.flamingo.client.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM envelopes: binary {@code "FLG1" | iv[12] | ciphertext+tag[16]}, and the same bytes in base64 for
 * text frames. Replaces Croquet's CBC + HMAC-over-plaintext with one authenticated mode; the associated data
 * binds each envelope to its {@link Purpose} and session. Immutable; any thread (a cipher per thread).
 *
 * <p>The cipher is the JDK's, not Bouncy Castle's (which derives the key, see {@link SessionKey}): once
 * compiled, the JDK's AES-GCM runs on AES-NI and carry-less multiply intrinsics, 40 times faster than Bouncy
 * Castle's pure-Java GCM here (10 MB: 2.2 ms against 88 ms; a 200-byte event: 0.45 us against 2.3 us). Both
 * implement the same standard, so envelopes sealed by either open with the other.
 */
public final class Envelope {

    private static final byte[] MAGIC = {'F', 'L', 'G', '1'};
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = MAGIC.length + IV_BYTES;

    private final SecretKeySpec key;
    private final SecureRandom random;
    // A Cipher is not thread-safe, and getInstance looks up providers: keep one per thread.
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(Envelope::newCipher);

    /** Creates envelopes under {@code key}, drawing IVs from {@code random}. */
    public Envelope(SessionKey key, SecureRandom random) {
        this.key = new SecretKeySpec(key.bytes(), "AES");
        this.random = random;
    }

    /** Encrypts {@code plaintext} for {@code purpose} within {@code context} (a session or persistent id). */
    public byte[] seal(Purpose purpose, String context, byte[] plaintext) {
        byte[] out = new byte[HEADER + plaintext.length + TAG_BITS / 8];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, out, MAGIC.length, IV_BYTES);
        try {
            cipher(Cipher.ENCRYPT_MODE, iv, purpose, context).doFinal(plaintext, 0, plaintext.length, out, HEADER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed on a sized buffer", e);
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
        byte[] out = new byte[sealed.length - HEADER - TAG_BITS / 8];
        try {
            cipher(Cipher.DECRYPT_MODE, iv, purpose, context).doFinal(sealed, HEADER, sealed.length - HEADER, out, 0);
        } catch (AEADBadTagException e) {
            throw new RejectedEnvelopeException(purpose.label() + " envelope failed authentication: wrong "
                    + "password, tampered, or sealed for another session");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed on a sized buffer", e);
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

    private Cipher cipher(int mode, byte[] iv, Purpose purpose, String context) throws GeneralSecurityException {
        Cipher cipher = ciphers.get();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("flamingo/v1/" + purpose.label() + "/" + context).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES/GCM/NoPadding, which every Java 17 must provide", e);
        }
    }
}
