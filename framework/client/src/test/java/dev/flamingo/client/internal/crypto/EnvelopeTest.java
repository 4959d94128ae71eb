package dev.flamingo.client.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final byte[] PLAIN = "hello replicas".getBytes(StandardCharsets.UTF_8);
    private final Envelope envelope = new Envelope(SessionKey.ofBytes(new byte[32]), new SecureRandom());

    @Test
    void roundTrips() throws Exception {
        byte[] sealed = envelope.seal(Purpose.SNAPSHOT, "s1", PLAIN);
        assertArrayEquals(PLAIN, envelope.open(Purpose.SNAPSHOT, "s1", sealed));
        assertArrayEquals(PLAIN, envelope.openText(Purpose.MESSAGE, "s1", envelope.sealText(Purpose.MESSAGE, "s1", PLAIN)));
    }

    @Test
    void freshIvEveryTime() {
        assertNotEquals(envelope.sealText(Purpose.MESSAGE, "s", PLAIN), envelope.sealText(Purpose.MESSAGE, "s", PLAIN));
    }

    @Test
    void rejectsTamperedCiphertext() {
        byte[] sealed = envelope.seal(Purpose.MESSAGE, "s1", PLAIN);
        sealed[sealed.length - 20] ^= 1;
        RejectedEnvelopeException e = assertThrows(RejectedEnvelopeException.class,
                () -> envelope.open(Purpose.MESSAGE, "s1", sealed));
        assertTrue(e.getMessage().startsWith("message envelope failed authentication"), e.getMessage());
    }

    @Test
    void rejectsOtherSessionOtherPurposeAndOtherKey() {
        byte[] sealed = envelope.seal(Purpose.MESSAGE, "s1", PLAIN);
        assertThrows(RejectedEnvelopeException.class, () -> envelope.open(Purpose.MESSAGE, "s2", sealed));
        assertThrows(RejectedEnvelopeException.class, () -> envelope.open(Purpose.SNAPSHOT, "s1", sealed));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        Envelope other = new Envelope(SessionKey.ofBytes(otherKey), new SecureRandom());
        assertThrows(RejectedEnvelopeException.class, () -> other.open(Purpose.MESSAGE, "s1", sealed));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(RejectedEnvelopeException.class, () -> envelope.openText(Purpose.MESSAGE, "s", "not base64!"));
        assertThrows(RejectedEnvelopeException.class, () -> envelope.open(Purpose.MESSAGE, "s", new byte[3]));
    }

    @Test
    void passwordCheckDetectsWrongPassword() {
        Envelope right = new Envelope(SessionKey.derive("secret", "pid"), new SecureRandom());
        Envelope wrong = new Envelope(SessionKey.derive("Secret", "pid"), new SecureRandom());
        String tove = PasswordCheck.tove(right, "session");
        assertTrue(PasswordCheck.matches(new Envelope(SessionKey.derive("secret", "pid"), new SecureRandom()),
                "session", tove));
        assertFalse(PasswordCheck.matches(wrong, "session", tove));
        assertFalse(PasswordCheck.matches(right, "other-session", tove));
    }

    @Test
    void keyDependsOnSalt() throws Exception {
        Envelope a = new Envelope(SessionKey.derive("pw", "pid-a"), new SecureRandom());
        Envelope b = new Envelope(SessionKey.derive("pw", "pid-b"), new SecureRandom());
        byte[] sealed = a.seal(Purpose.PERSISTED, "x", PLAIN);
        assertThrows(RejectedEnvelopeException.class, () -> b.open(Purpose.PERSISTED, "x", sealed));
        assertEquals(new String(PLAIN, StandardCharsets.UTF_8),
                new String(a.open(Purpose.PERSISTED, "x", sealed), StandardCharsets.UTF_8));
    }
}
