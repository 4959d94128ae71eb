package dev.flamingo.client.it;

import static dev.flamingo.client.it.Fixture.add;
import static dev.flamingo.client.it.Fixture.await;
import static dev.flamingo.client.it.Fixture.on;
import static dev.flamingo.client.it.Fixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.Session;
import dev.flamingo.client.SessionProblem;
import dev.flamingo.client.internal.crypto.Envelope;
import dev.flamingo.client.internal.crypto.Purpose;
import dev.flamingo.client.internal.crypto.SessionKey;
import dev.flamingo.client.internal.net.Transport;
import dev.flamingo.client.internal.net.WebSocketTransport;
import dev.flamingo.client.internal.wire.JoinArgs;
import dev.flamingo.client.internal.wire.OutboundEncoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A connection without the password (anyone who knows the session id can open one) sends messages into a
 * running session: every replica rejects and reports each of them, runs none, and carries on identically.
 */
class RejectedMessageIT {

    @AutoClose
    private final Fixture fixture = new Fixture(null);

    @Test
    void foreignAndTamperedMessagesAreRejectedReportedAndNeverRun() throws Exception {
        Session a = fixture.join(fixture.params("rogue"));
        Session b = fixture.join(fixture.params("rogue"));
        byte[] plaintext = "not a payload".getBytes(StandardCharsets.UTF_8);
        Envelope wrongPassword = new Envelope(SessionKey.derive("wrong", a.persistentId()), new SecureRandom());
        Envelope rightPassword = new Envelope(SessionKey.derive("correct horse", a.persistentId()),
                new SecureRandom());
        byte[] tampered = rightPassword.seal(Purpose.MESSAGE, a.id(), plaintext);
        tampered[tampered.length - 1] ^= 1;
        List<String> sealed = List.of(
                wrongPassword.sealText(Purpose.MESSAGE, a.id(), plaintext),
                Base64.getEncoder().encodeToString(tampered),
                rightPassword.sealText(Purpose.MESSAGE, "another session", plaintext),
                "not even base64 !");
        try (Rogue rogue = new Rogue(a)) {
            for (String s : sealed) {
                rogue.send(s);
            }
            awaitRejections(2 * sealed.size());
        }
        assertEquals(0L, (long) on(a, () -> Fixture.model(a).events()));
        assertEquals(0L, (long) on(b, () -> Fixture.model(b).events()));
        add(a, 7);
        await(List.of(a, b), m -> m.events() == 1);
        assertEquals(summary(a), summary(b));
        assertTrue(fixture.problems.stream().allMatch(p -> p instanceof SessionProblem.MessageRejected),
                fixture.problems.toString());
    }

    private void awaitRejections(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (fixture.problems.stream().filter(p -> p instanceof SessionProblem.MessageRejected).count() < count) {
            assertTrue(System.nanoTime() < deadline, "expected " + count + " rejections within 20 s, got "
                    + fixture.problems);
            Thread.sleep(20);
        }
    }

    /** A raw connection that joins the session of {@code s} with no key and sends what it is given. */
    private final class Rogue implements AutoCloseable, Transport.Listener {
        private final OutboundEncoder encoder;
        private final Transport transport;
        private final JoinArgs join;
        private final CountDownLatch synced = new CountDownLatch(1);

        Rogue(Session s) throws InterruptedException {
            encoder = new OutboundEncoder(s.id());
            join = new JoinArgs("dev.flamingo.it/rogue", "", "dev.flamingo.it", s.persistentId(), "rogue", "rogue",
                    null, 50, 0, 0, "no password", s.versionId(), 1250);
            transport = new WebSocketTransport(URI.create(fixture.server.websocketUri() + "/" + s.id()));
            transport.open(this);
            assertTrue(synced.await(20, TimeUnit.SECONDS), "the rogue connection got no SYNC");
        }

        void send(String sealed) {
            assertTrue(transport.send(encoder.send(0, sealed, 0)), "rogue send failed");
        }

        @Override
        public void opened() {
            transport.send(encoder.join(join));
        }

        @Override
        public void received(String frame) {
            if (frame.contains("\"SYNC\"")) {
                synced.countDown();
            }
        }

        @Override
        public void closed(int code, String reason) {
            // the test's close
        }

        @Override
        public void close() {
            transport.close(1000, "done");
        }
    }
}
