package dev.flamingo.client.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.internal.wire.Inbound;
import dev.flamingo.reflector.ReflectorServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Tyrus connection and the wire codec against the real reflector on loopback. */
class ConnectionIT {

    private static final String SESSION = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<ConnectionProbe> probes = new ArrayList<>();
    private ReflectorServer server;

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        probes.forEach(p -> p.connection.close(CloseCodes.LEAVE, "test over"));
        if (server != null) {
            server.close();
        }
        timer.shutdownNow();
    }

    private ReflectorServer.Builder reflector() {
        return ReflectorServer.builder().host("127.0.0.1").port(0);
    }

    private ConnectionProbe connect(String viewId) {
        URI uri = URI.create(server.websocketUri() + "/" + SESSION);
        ConnectionProbe probe = new ConnectionProbe(SESSION, viewId, () -> new WebSocketTransport(uri), timer);
        probes.add(probe);
        probe.connection.start();
        return probe;
    }

    @Test
    void joinSyncUsersRecvAndTick() throws Exception {
        server = reflector().build().start();
        ConnectionProbe a = connect("viewA");
        Inbound.Sync sync = a.await(Inbound.Sync.class);
        assertEquals("tove", sync.tove());
        assertTrue(sync.messages().isEmpty());
        assertTrue(a.awaitUsers().message().meta().toString().contains("viewA"));
        a.connection.send(a.encoder.send(0, "c2VhbGVk", 0));
        Inbound.Recv echo = a.await(Inbound.Recv.class);
        assertEquals("c2VhbGVk", echo.message().sealed());
        Inbound.Tick tick = assertInstanceOf(Inbound.Tick.class, a.events.poll(10, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(tick.time() >= echo.message().time());
    }

    @Test
    void lateJoinerGetsMessagesSinceStartInChunks() throws Exception {
        server = reflector().chunkChars(500).build().start();
        ConnectionProbe a = connect("viewA");
        a.awaitUsers();
        for (int i = 0; i < 20; i++) {
            a.connection.send(a.encoder.send(0, "payload-" + i + "-" + "x".repeat(100), 0));
        }
        for (int i = 0; i < 20; i++) {
            a.await(Inbound.Recv.class);
        }
        ConnectionProbe b = connect("viewB");
        Inbound.Sync sync = b.await(Inbound.Sync.class); // > 2 KB, so it came in chunks of 500 chars
        assertTrue(sync.messages().size() >= 21, "messages: " + sync.messages().size());
        long last = sync.messages().get(sync.messages().size() - 1).seq();
        assertEquals(sync.seq(), last);
        assertTrue(b.awaitUsers().message().meta().toString().contains("viewB"));
    }

    @Test
    void malformedJoinIsFatal() throws Exception {
        server = reflector().build().start();
        ConnectionProbe a = connect("viewA");
        a.joinFrame = "{\"id\":\"" + SESSION + "\",\"action\":\"JOIN\",\"args\":{}}";
        ConnectionProbe.Closed closed = a.await(ConnectionProbe.Closed.class);
        assertEquals(new ConnectionProbe.Closed(4100, CloseCodes.Kind.FATAL, false), closed);
        assertEquals(1, a.opened.get());
    }

    @Test
    void reconnectsAfterReflectorRestartAndContinuesTheTimeline() throws Exception {
        server = reflector().dataDir(dataDir).build().start();
        int port = server.port();
        ConnectionProbe a = connect("viewA");
        Inbound.Sync first = a.await(Inbound.Sync.class);
        a.awaitUsers();
        server.close();
        a.await(ConnectionProbe.Closed.class);
        server = reflector().port(port).dataDir(dataDir).build().start();
        Inbound.Sync again = a.await(Inbound.Sync.class);
        assertEquals(first.timeline(), again.timeline());
        assertTrue(again.time() >= first.time());
        assertTrue(a.opened.get() >= 2);
        assertTrue(Files.isDirectory(dataDir));
    }
}
