package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flamingo.reflector.internal.NettyTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each transport this machine offers serves WebSockets and HTTP on one port; the native ones are skipped
 * where missing, so the suite never depends on them. The other ITs run on whatever AUTO picks.
 */
class TransportIT {
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"IO_URING", "EPOLL", "NIO"})
    void relaysAndServesHttp(Transport transport) {
        assumeTrue(NettyTransport.unavailability(transport) == null, transport + " not available here");
        try (ReflectorServer server = ReflectorServer.builder().port(0).transport(transport).build().start();
             TestClient a = TestClient.joined(server, "transport", "a");
             TestClient b = TestClient.joined(server, "transport", "b")) {
            assertEquals(transport, server.transport());
            a.sendMessage("hello");
            assertEquals("hello", b.nextRecv(p -> p.isJsonPrimitive()).get(2).getAsString());
            assertEquals(200, Http.get(server.httpUri().resolve("healthz")).statusCode());
        }
    }

    @Test
    void autoNamesWhatItPicked() {
        try (ReflectorServer server = ReflectorServer.builder().port(0).build().start()) {
            assertNotEquals(Transport.AUTO, server.transport());
        }
    }

    @Test
    void nioIsAlwaysAvailable() {
        assertNull(NettyTransport.unavailability(Transport.NIO));
    }
}
