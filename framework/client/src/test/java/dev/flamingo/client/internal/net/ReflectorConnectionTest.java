package dev.flamingo.client.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.internal.wire.Inbound;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection driven by the real in-process offline reflector. */
class ReflectorConnectionTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private ConnectionProbe probe;

    @AfterEach
    void stop() {
        probe.connection.close(CloseCodes.LEAVE, "test over");
        timer.shutdownNow();
    }

    private void start() {
        probe = new ConnectionProbe("sid", "view1", OfflineReflector::new, timer);
        probe.connection.start();
    }

    @Test
    void joinGetsSyncThenUsersThenEcho() throws Exception {
        start();
        Inbound.Sync sync = assertInstanceOf(Inbound.Sync.class, probe.next());
        assertEquals("tove", sync.tove());
        assertEquals(0xFFFFFFF0L, sync.seq());
        Inbound.Recv users = assertInstanceOf(Inbound.Recv.class, probe.next());
        assertEquals("users", users.message().what());
        assertEquals(0xFFFFFFF1L, users.message().seq());
        assertTrue(probe.connection.send(probe.encoder.send(0, "sealed", 0)));
        Inbound.Recv echo = assertInstanceOf(Inbound.Recv.class, probe.next());
        assertEquals("sealed", echo.message().sealed());
        assertEquals(0xFFFFFFF2L, echo.message().seq());
        assertInstanceOf(Inbound.Tick.class, probe.events.poll(5, TimeUnit.SECONDS)); // 50 ms of silence later
    }

    @Test
    void transientDropReconnectsAndFatalCloseDoesNot() throws Exception {
        start();
        probe.awaitUsers();
        probe.connection.drop(CloseCodes.CLIENT_ERROR, "test drop");
        assertEquals(new ConnectionProbe.Closed(4000, CloseCodes.Kind.RECONNECT, true),
                probe.await(ConnectionProbe.Closed.class));
        probe.await(Inbound.Sync.class);
        assertEquals(2, probe.opened.get());
        probe.connection.drop(CloseCodes.CLIENT_FATAL, "wrong password");
        assertEquals(new ConnectionProbe.Closed(4200, CloseCodes.Kind.FATAL, false),
                probe.await(ConnectionProbe.Closed.class));
        assertFalse(probe.connection.send(probe.encoder.pulse()));
    }
}
