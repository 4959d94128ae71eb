package dev.flamingo.client.internal.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Croquet's {@code tove}: the sessionId sealed under the session key. The first client's tove is kept by the
 * reflector and echoed in every SYNC; a joiner that cannot open it to its own sessionId has the wrong
 * password. Stateless; any thread.
 */
public final class PasswordCheck {

    private PasswordCheck() {
    }

    /** The tove this client sends in JOIN. */
    public static String tove(Envelope envelope, String sessionId) {
        return envelope.sealText(Purpose.TOVE, sessionId, sessionId.getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code tove} was sealed by the same password for the same session. */
    public static boolean matches(Envelope envelope, String sessionId, String tove) {
        try {
            byte[] plain = envelope.openText(Purpose.TOVE, sessionId, tove);
            return sessionId.equals(new String(plain, StandardCharsets.UTF_8));
        } catch (RejectedEnvelopeException e) {
            return false;
        }
    }
}
