package dev.flamingo.client.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.internal.wire.Inbound;
import dev.flamingo.client.internal.wire.JoinArgs;
import dev.flamingo.client.internal.wire.OutboundEncoder;
import dev.flamingo.client.internal.wire.ProtocolException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection driven by the real in-process offline reflector. */
class ReflectorConnectionTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final OutboundEncoder encoder = new OutboundEncoder("sid");
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final AtomicInteger opened = new AtomicInteger();
    private ReflectorConnection connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close(CloseCodes.LEAVE, "test over");
        }
        timer.shutdownNow();
    }

    private void start() {
        connection = new ReflectorConnection(OfflineReflector::new, new ReflectorConnection.Listener() {
            @Override
            public void connected() {
                opened.incrementAndGet();
                connection.send(encoder.join(new JoinArgs("a.b/n", "", "a.b", "p", "t", "view1", null, 20, 0, 0,
                        "tove", "code", 1250)));
            }

            @Override
            public void received(Inbound frame) {
                events.add(frame);
            }

            @Override
            public void protocolError(ProtocolException error) {
                events.add(error);
            }

            @Override
            public void disconnected(int code, String reason, CloseCodes.Kind kind, boolean reconnecting) {
                events.add(code + ":" + kind + ":" + reconnecting);
            }
        }, timer, () -> System.nanoTime() / 1_000_000, () -> 0.5, encoder.pulse());
        connection.start();
    }

    private Object next() throws InterruptedException {
        Object event = events.poll(5, TimeUnit.SECONDS);
        assertTrue(event != null, "no event within 5 s");
        return event;
    }

    private Inbound nextMessage() throws InterruptedException {
        Object event;
        do {
            event = next();
        } while (event instanceof Inbound.Tick);
        return assertInstanceOf(Inbound.class, event);
    }

    @Test
    void joinGetsSyncThenUsersThenEcho() throws Exception {
        start();
        Inbound.Sync sync = assertInstanceOf(Inbound.Sync.class, nextMessage());
        assertEquals("tove", sync.tove());
        assertEquals(0xFFFFFFF0L, sync.seq());
        Inbound.Recv users = assertInstanceOf(Inbound.Recv.class, nextMessage());
        assertEquals("users", users.message().what());
        assertEquals(0xFFFFFFF1L, users.message().seq());
        assertTrue(connection.send(encoder.send(0, "sealed", 0)));
        Inbound.Recv echo = assertInstanceOf(Inbound.Recv.class, nextMessage());
        assertEquals("sealed", echo.message().sealed());
        assertEquals(0xFFFFFFF2L, echo.message().seq());
        assertInstanceOf(Inbound.Tick.class, next()); // 50 ms of silence later
    }

    @Test
    void transientDropReconnectsAndFatalCloseDoesNot() throws Exception {
        start();
        nextMessage();
        nextMessage();
        connection.drop(CloseCodes.CLIENT_ERROR, "test drop");
        Object closed;
        do {
            closed = next();
        } while (closed instanceof Inbound);
        assertEquals("4000:RECONNECT:true", closed);
        assertInstanceOf(Inbound.Sync.class, nextMessage());
        assertEquals(2, opened.get());
        connection.drop(CloseCodes.CLIENT_FATAL, "wrong password");
        do {
            closed = next();
        } while (closed instanceof Inbound);
        assertEquals("4200:FATAL:false", closed);
        assertFalse(connection.send(encoder.pulse()));
    }
}
