package dev.flamingo.client.internal.net;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.internal.wire.Inbound;
import dev.flamingo.client.internal.wire.JoinArgs;
import dev.flamingo.client.internal.wire.OutboundEncoder;
import dev.flamingo.client.internal.wire.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A connection that joins on every open and records everything it hears, for tests. */
final class ConnectionProbe implements ReflectorConnection.Listener {

    /** A close as the listener saw it. */
    record Closed(int code, CloseCodes.Kind kind, boolean reconnecting) {
    }

    final OutboundEncoder encoder;
    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    final AtomicInteger opened = new AtomicInteger();
    final ReflectorConnection connection;
    private final String viewId;
    volatile String joinFrame;

    ConnectionProbe(String sessionId, String viewId, Supplier<Transport> transports, ScheduledExecutorService timer) {
        this.encoder = new OutboundEncoder(sessionId);
        this.viewId = viewId;
        this.joinFrame = encoder.join(new JoinArgs("a.b/n", "", "a.b", "p", "t", viewId, null, 20, 0, 0, "tove",
                "code", 250));
        this.connection = new ReflectorConnection(transports, this, timer, () -> System.nanoTime() / 1_000_000,
                () -> 0.5, encoder.pulse());
    }

    String viewId() {
        return viewId;
    }

    @Override
    public void connected() {
        opened.incrementAndGet();
        connection.send(joinFrame);
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
        events.add(new Closed(code, kind, reconnecting));
    }

    /** The next event other than a tick. */
    Object next() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Object event;
        do {
            assertTrue(System.nanoTime() < deadline, "only ticks heard for 20 s");
            event = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "nothing heard within 10 s");
        } while (event instanceof Inbound.Tick);
        return event;
    }

    /** Skips events until one of {@code type} arrives; fails after 20 s, naming what was skipped. */
    <T> T await(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> skipped = new ArrayList<>();
        Object event;
        do {
            assertTrue(System.nanoTime() < deadline, "no " + type.getSimpleName() + " within 20 s; skipped " + skipped);
            event = next();
            skipped.add(event.getClass().getSimpleName());
        } while (!type.isInstance(event));
        return assertInstanceOf(type, event);
    }

    /** Waits for a RECV whose payload is a users message. */
    Inbound.Recv awaitUsers() throws InterruptedException {
        while (true) {
            Inbound.Recv recv = await(Inbound.Recv.class);
            if ("users".equals(recv.message().what())) {
                return recv;
            }
        }
    }
}
