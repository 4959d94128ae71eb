package dev.flamingo.client.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
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

    @Test
    void opensEnvelopesSealedByAnotherGcmImplementation() throws Exception {
        // Sessions persisted by earlier versions were sealed with Bouncy Castle's GCM; they must still open.
        byte[] key = new byte[32];
        key[5] = 9;
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        byte[] aad = "flamingo/v1/persisted/pid".getBytes(StandardCharsets.UTF_8);
        GCMModeCipher bc = GCMBlockCipher.newInstance(AESEngine.newInstance());
        bc.init(true, new AEADParameters(new KeyParameter(key), 128, iv, aad));
        byte[] body = new byte[bc.getOutputSize(PLAIN.length)];
        bc.doFinal(body, bc.processBytes(PLAIN, 0, PLAIN.length, body, 0));
        byte[] sealed = new byte[4 + 12 + body.length];
        System.arraycopy("FLG1".getBytes(StandardCharsets.US_ASCII), 0, sealed, 0, 4);
        System.arraycopy(iv, 0, sealed, 4, 12);
        System.arraycopy(body, 0, sealed, 16, body.length);

        Envelope jdk = new Envelope(SessionKey.ofBytes(key), new SecureRandom());
        assertArrayEquals(PLAIN, jdk.open(Purpose.PERSISTED, "pid", sealed));
        byte[] ours = jdk.seal(Purpose.PERSISTED, "pid", PLAIN);
        bc.init(false, new AEADParameters(new KeyParameter(key), 128, Arrays.copyOfRange(ours, 4, 16), aad));
        byte[] plain = new byte[bc.getOutputSize(ours.length - 16)];
        bc.doFinal(plain, bc.processBytes(ours, 16, ours.length - 16, plain, 0));
        assertArrayEquals(PLAIN, plain);
    }

    @Test
    void largeEnvelopesRoundTripAndEmptyOnes() throws Exception {
        byte[] big = new byte[3_000_001];
        new SecureRandom().nextBytes(big);
        assertArrayEquals(big, envelope.open(Purpose.SNAPSHOT, "s", envelope.seal(Purpose.SNAPSHOT, "s", big)));
        assertArrayEquals(new byte[0], envelope.open(Purpose.MESSAGE, "s", envelope.seal(Purpose.MESSAGE, "s", new byte[0])));
    }

    @Test
    void votesForEqualDataAreEqualOnEveryReplicaAndOpen() throws Exception {
        Envelope other = new Envelope(SessionKey.ofBytes(new byte[32]), new SecureRandom());
        String vote = envelope.sealVote("s1/dice:rolled@5#e1", PLAIN);
        assertEquals(vote, other.sealVote("s1/dice:rolled@5#e1", PLAIN));
        assertArrayEquals(PLAIN, other.openVote("s1/dice:rolled@5#e1", vote));
        assertArrayEquals(new byte[0], envelope.openVote("k", envelope.sealVote("k", new byte[0])));
    }

    @Test
    void votesDifferForOtherDataOtherTalliesAndOtherKeys() {
        String vote = envelope.sealVote("s1/k", PLAIN);
        assertNotEquals(vote, envelope.sealVote("s1/k", "hello replicaz".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(vote, envelope.sealVote("s1/k2", PLAIN));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertNotEquals(vote, new Envelope(SessionKey.ofBytes(otherKey), new SecureRandom()).sealVote("s1/k", PLAIN));
        assertFalse(vote.contains("hello"));
    }

    @Test
    void votesAreBoundToTheirTallyAndKey() {
        String vote = envelope.sealVote("s1/k", PLAIN);
        assertThrows(RejectedEnvelopeException.class, () -> envelope.openVote("s1/k2", vote));
        byte[] otherKey = new byte[32];
        otherKey[5] = 9;
        assertThrows(RejectedEnvelopeException.class,
                () -> new Envelope(SessionKey.ofBytes(otherKey), new SecureRandom()).openVote("s1/k", vote));
        byte[] bytes = java.util.Base64.getDecoder().decode(vote);
        bytes[bytes.length - 3] ^= 1;
        String tampered = java.util.Base64.getEncoder().encodeToString(bytes);
        RejectedEnvelopeException e = assertThrows(RejectedEnvelopeException.class,
                () -> envelope.openVote("s1/k", tampered));
        assertTrue(e.getMessage().startsWith("vote failed authentication"), e.getMessage());
        assertThrows(RejectedEnvelopeException.class, () -> envelope.openVote("s1/k", "not base64!"));
        assertThrows(RejectedEnvelopeException.class, () -> envelope.openVote("s1/k", envelope.sealText(Purpose.VOTE, "s1/k", PLAIN)));
    }
}
