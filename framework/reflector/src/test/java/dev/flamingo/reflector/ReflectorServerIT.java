package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The embedding API: URLs, lifecycle errors and up-front validation. */
class ReflectorServerIT {
    @Test
    void urlsNameTheBoundPort() {
        try (ReflectorServer server = ReflectorServer.builder().port(0).build().start()) {
            int port = server.port();
            assertTrue(port > 0);
            assertEquals("ws://127.0.0.1:" + port + "/reflector", server.websocketUri().toString());
            assertEquals("http://127.0.0.1:" + port + "/", server.httpUri().toString());
            assertEquals("http://127.0.0.1:" + port + "/files/", server.filesUri().toString());
            assertThrows(IllegalStateException.class, server::start);
        }
    }

    /** Tyrus on Grizzly bound 0.0.0.0 whatever it was told; 127.0.0.2 is loopback too, but another address. */
    @Test
    void theBindAddressIsHonouredExactly() throws IOException {
        try (ReflectorServer server = ReflectorServer.builder().host("127.0.0.2").port(0).build().start()) {
            assertEquals(200, Http.get(server.httpUri().resolve("healthz")).statusCode());
            try (Socket other = new Socket()) {
                assertThrows(ConnectException.class,
                        () -> other.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000));
            }
        }
    }

    @Test
    void portInUseFailsWithTheAddress() {
        try (ReflectorServer first = ReflectorServer.builder().port(0).build().start()) {
            ReflectorServer second = ReflectorServer.builder().port(first.port()).build();
            UncheckedIOException e = assertThrows(UncheckedIOException.class, second::start);
            assertTrue(e.getMessage().contains(Integer.toString(first.port())), e.getMessage());
        }
    }

    @Test
    void unstartedServerRefusesAccessors() {
        ReflectorServer server = ReflectorServer.builder().port(0).build();
        assertThrows(IllegalStateException.class, server::port);
    }

    @Test
    void badSettingsAreNamedInBuild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReflectorServer.builder().idleTimeout(Duration.ZERO).build());
        assertEquals("invalid idleTimeout: PT0S", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReflectorServer.builder().port(-1).build());
    }
}
