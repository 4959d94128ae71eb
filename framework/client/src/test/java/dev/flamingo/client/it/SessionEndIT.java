package dev.flamingo.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.Session;
import dev.flamingo.client.SessionFailedException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Session#ended()} after the join: a leave, a fatal close from the reflector, a reflector gone for good. */
class SessionEndIT {

    @TempDir
    Path dataDir;
    private Fixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static SessionFailedException endedWith(Session s) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> s.ended().get(30, TimeUnit.SECONDS));
        return assertInstanceOf(SessionFailedException.class, e.getCause());
    }

    @Test
    void leavingCompletesEndedNormally() throws Exception {
        fixture = new Fixture(null);
        Session a = fixture.join(fixture.params("bye"));
        a.leave().get(10, TimeUnit.SECONDS);
        a.ended().get(10, TimeUnit.SECONDS);
    }

    @Test
    void fatalCloseAfterTheJoinEndsTheSessionWithItsCode() throws Exception {
        fixture = new Fixture(dataDir);
        Session a = fixture.join(fixture.params("fatal").rejoinLimit(200));
        Fixture.add(a, 1);
        Fixture.await(List.of(a), m -> m.events() == 1);
        fixture.server.close();
        fixture.start(b -> b.apiKeys(List.of("a-key-this-client-lacks"))); // the rejoin's JOIN gets 4103
        SessionFailedException failed = endedWith(a);
        assertEquals(4103, failed.closeCode());
        assertTrue(failed.getMessage().contains("4103 bad apiKey"), failed.getMessage());
        assertTrue(a.leave().isDone(), "the session tore itself down");
    }

    @Test
    void reflectorGoneForGoodEndsTheSessionAfterReconnectLimit() throws Exception {
        fixture = new Fixture(null);
        Session a = fixture.join(fixture.params("gone").reconnectLimit(1500));
        long closing = System.nanoTime(); // the client's disconnect, and so its reconnectLimit, starts during close()
        fixture.server.close();
        SessionFailedException failed = endedWith(a);
        assertTrue(failed.getMessage().contains("gave up reconnecting"), failed.getMessage());
        assertTrue(failed.closeCode() < 4100, "a transient close code: " + failed.closeCode());
        assertTrue(System.nanoTime() - closing >= TimeUnit.MILLISECONDS.toNanos(1500), "not before reconnectLimit");
    }

    @Test
    void aReconnectWithinTheLimitKeepsTheSessionAlive() throws Exception {
        fixture = new Fixture(dataDir);
        Session a = fixture.join(fixture.params("back").reconnectLimit(10_000).rejoinLimit(10_000));
        fixture.server.close();
        fixture.start();
        Fixture.add(a, 1);
        Fixture.await(List.of(a), m -> m.events() == 1);
        assertTrue(!a.ended().isDone());
    }
}
