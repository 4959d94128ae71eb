package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every refused input gets its close code and never affects another socket; each crash vector of the
 * Croquet reflector (reference section 3.4) is a regression test here.
 */
class HardeningIT {
    static ReflectorServer server;
    static TestClient witness;

    @BeforeAll
    static void start() {
        server = ReflectorServer.builder().port(0).maxFrameBytes(4096).build().start();
        witness = TestClient.joined(server, "witness", "w");
    }

    @AfterAll
    static void stop() {
        witness.close();
        server.close();
    }

    /** The witness session still relays after whatever the test did. */
    private static void witnessStillWorks(String marker) {
        witness.sendMessage(marker);
        witness.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals(marker));
    }

    private static int closeCodeAfter(String session, String... frames) {
        try (TestClient c = TestClient.connect(server, session)) {
            for (String f : frames) {
                c.send(f);
            }
            return c.closeCode();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "join without args (crashed Croquet)|4100|{\"action\":\"JOIN\"}",
        "join with numeric args|4100|{\"action\":\"JOIN\",\"args\":3}",
        "join with version 0|4100|{\"action\":\"JOIN\",\"args\":{\"version\":0,\"apiKey\":\"k\",\"user\":\"u\"}}",
        "join without apiKey|4103|{\"action\":\"JOIN\",\"args\":{\"version\":1,\"user\":\"u\"}}",
        "join without user|4100|{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k\"}}",
        "join with ticks not an object|4100|{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\",\"ticks\":5}}",
        "join with negative tick|4100|{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\",\"ticks\":{\"tick\":-1}}}",
        "join with name a number|4100|{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\",\"name\":7}}",
        "not json|4102|hello",
        "json array|4102|[1,2,3]",
        "json string|4102|\"JOIN\"",
        "no action|4102|{\"args\":{}}",
        "numeric action|4102|{\"action\":5}",
        "trailing garbage|4102|{\"action\":\"PULSE\"} x",
        "deep nesting|4102|{\"action\":\"PULSE\",\"args\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]}",
        "SNAP before JOIN|4000|{\"action\":\"SNAP\",\"args\":{\"time\":1,\"seq\":1,\"url\":\"http://x/files/a\"}}",
        "TUTTI before JOIN|4000|{\"action\":\"TUTTI\",\"args\":[1,0,\"p\",null,true,[],\"k\"]}",
        "TICKS before JOIN (retimed every client in Croquet)|4000|{\"action\":\"TICKS\",\"args\":{\"tick\":1,\"scale\":64}}",
        "SAVE before JOIN|4000|{\"action\":\"SAVE\",\"args\":{\"url\":\"x\"}}",
    })
    void refusedFrameClosesWithItsCode(String name, int code, String frame) {
        String session = "bad-" + Integer.toHexString(name.hashCode());
        assertEquals(code, closeCodeAfter(session, frame), name);
        witnessStillWorks("after " + name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SEND args not an array|{\"action\":\"SEND\",\"args\":{}}",
        "SEND too short|{\"action\":\"SEND\",\"args\":[0,0]}",
        "SEND object payload would spoof reflector messages|{\"action\":\"SEND\",\"args\":[0,0,{\"what\":\"users\"}]}",
        "SNAP without seq|{\"action\":\"SNAP\",\"args\":{\"time\":1,\"url\":\"u\"}}",
        "SNAP args a string|{\"action\":\"SNAP\",\"args\":\"x\"}",
        "TUTTI args an object|{\"action\":\"TUTTI\",\"args\":{}}",
        "TUTTI bad firstMsg|{\"action\":\"TUTTI\",\"args\":[1,0,\"p\",[1],true,[],\"k\"]}",
        "TICKS scale a string|{\"action\":\"TICKS\",\"args\":{\"scale\":\"x\"}}",
    })
    void malformedArgsFromAJoinedClientClose4102(String name, String frame) {
        try (TestClient c = TestClient.joined(server, "joined-" + Integer.toHexString(name.hashCode()), "v")) {
            c.send(frame);
            assertEquals(4102, c.closeCode(), name);
        }
        witnessStillWorks("after " + name);
    }

    @Test
    void appIdWithoutNameIsAcceptedNotACrash() {
        try (TestClient c = TestClient.connect(server, "noname")) {
            c.send("{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\",\"appId\":\"a\"}}");
            c.next("SYNC");
        }
    }

    @Test
    void saveWithoutAppIdCloses4101() {
        try (TestClient c = TestClient.connect(server, "noapp")) {
            c.send("{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\"}}");
            c.next("SYNC");
            c.send("{\"action\":\"SAVE\",\"args\":{\"persistTime\":1,\"url\":\"x\"}}");
            assertEquals(4101, c.closeCode());
        }
    }

    @Test
    void sendBeforeJoinIsIgnoredAndUnknownActionsKeepTheSocket() {
        try (TestClient c = TestClient.connect(server, "early")) {
            c.send("{\"action\":\"SEND\",\"args\":[0,0,\"x\"]}");
            c.send("{\"action\":\"WHATEVER\"}");
            c.send("{\"action\":\"LOG\",\"args\":\"client says hi\"}");
            c.send("{\"action\":\"PING\",\"args\":1}");
            c.next("PONG");
        }
    }

    @Test
    void sendFromASocketThatNeverJoinedARunningSessionIsNotRelayed() {
        try (TestClient member = TestClient.joined(server, "intruded", "m");
             TestClient intruder = TestClient.connect(server, "intruded")) {
            intruder.send("{\"action\":\"SEND\",\"args\":[0,0,\"intruder\",0]}");
            intruder.send("{\"action\":\"PING\",\"args\":1}");
            intruder.next("PONG");
            member.sendMessage("member");
            JsonArray first = member.nextRecv(p -> p.isJsonPrimitive());
            assertEquals("member", first.get(2).getAsString(), "only joined sockets may SEND");
        }
    }

    @Test
    void firstJoinWithoutTicksGetsTheDefaultTickRateNotACrash() {
        try (TestClient c = TestClient.connect(server, "noticks")) {
            c.send("{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\"}}");
            long synced = c.next("SYNC").getAsJsonObject("args").get("time").getAsLong();
            long first = c.next("TICK").get("args").getAsLong();
            long second = c.next("TICK").get("args").getAsLong();
            assertTrue(second - first >= 180 && first >= synced, "Croquet's 200 ms default: " + first + ", " + second);
        }
        witnessStillWorks("after a JOIN without ticks");
    }

    @Test
    void secondJoinOnOneSocketIsRefused() {
        try (TestClient c = TestClient.joined(server, "twice", "a")) {
            c.join("a", 200, 0);
            assertEquals(4100, c.closeCode());
        }
    }

    @Test
    void invalidSessionIdCloses4100() {
        try (TestClient c = TestClient.connect(URI.create(server.websocketUri() + "/..%2Fetc"))) {
            assertEquals(4100, c.closeCode());
        }
        try (TestClient c = TestClient.connect(URI.create(server.websocketUri() + "/"))) {
            assertEquals(4100, c.closeCode());
        }
    }

    @Test
    void oversizedFrameIsRefusedWith1009() {
        try (TestClient c = TestClient.joined(server, "big", "a")) {
            c.send("{\"action\":\"SEND\",\"args\":[0,0,\"" + "x".repeat(5000) + "\"]}");
            assertEquals(1009, c.closeCode());
        }
        witnessStillWorks("after big");
    }

    @Test
    void unknownApiKeyCloses4103WhenKeysAreConfigured() {
        try (ReflectorServer keyed = ReflectorServer.builder().port(0).apiKeys(List.of("k1")).build().start();
             TestClient c = TestClient.connect(keyed, "keyed");
             TestClient ok = TestClient.connect(keyed, "keyed")) {
            c.send("{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"none\",\"user\":\"u\"}}");
            assertEquals(4103, c.closeCode());
            ok.send("{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k1\",\"user\":\"u\"}}");
            ok.next("SYNC");
        }
    }

    @Test
    void idleAndNeverJoinedSocketsAreDropped() {
        try (ReflectorServer quick = ReflectorServer.builder().port(0).idleTimeout(Duration.ofMillis(700))
                .joinTimeout(Duration.ofMillis(300)).build().start();
             TestClient lurker = TestClient.connect(quick, "lurk");
             TestClient quiet = TestClient.connect(quick, "lurk")) {
            quiet.join("q", 60_000, 0);
            quiet.next("SYNC");
            assertEquals(4121, lurker.closeCode());
            assertEquals(4002, quiet.closeCode());
        }
    }

    /**
     * A socket that never finishes an HTTP request (never upgrades, or stops mid-request) is dropped like one
     * that never joins: otherwise idle and half-open connections pile up outside every WebSocket limit.
     */
    @Test
    void aSocketThatNeverCompletesARequestIsDropped() throws IOException {
        try (ReflectorServer quick = ReflectorServer.builder().port(0).idleTimeout(Duration.ofMillis(700))
                .joinTimeout(Duration.ofMillis(300)).build().start();
             Socket silent = new Socket("127.0.0.1", quick.port());
             Socket partial = new Socket("127.0.0.1", quick.port())) {
            partial.getOutputStream().write("GET /reflector/s HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            silent.setSoTimeout(5000);
            partial.setSoTimeout(5000);
            assertEquals(-1, silent.getInputStream().read(), "a silent socket is closed");
            assertEquals(-1, partial.getInputStream().read(), "a half-sent request is closed");
        }
    }

    @Test
    void floodingSocketIsClosed4104() {
        try (ReflectorServer limited = ReflectorServer.builder().port(0).maxMessagesPerSecond(20).build().start();
             TestClient c = TestClient.joined(limited, "flood", "a")) {
            for (int i = 0; i < 40 && !c.closed.isDone(); i++) {
                c.socket.sendText("{\"action\":\"PULSE\"}", true);
            }
            assertEquals(4104, c.closeCode());
        }
    }

    @Test
    void connectionsPerIpAreLimited() {
        try (ReflectorServer limited = ReflectorServer.builder().port(0).maxConnectionsPerIp(2).build().start();
             TestClient a = TestClient.connect(limited, "ip");
             TestClient b = TestClient.connect(limited, "ip")) {
            assertThrows(CompletionException.class, () -> TestClient.connect(limited, "ip"));
            assertTrue(limited.metricsText().contains("reason=\"too_many_connections\"} 1"));
        }
    }

    @Test
    void sessionLimitRefusesNewSessions() {
        try (ReflectorServer limited = ReflectorServer.builder().port(0).maxSessions(1).build().start();
             TestClient a = TestClient.connect(limited, "one")) {
            assertThrows(CompletionException.class, () -> TestClient.connect(limited, "two"));
            try (TestClient again = TestClient.connect(limited, "one")) {
                again.send("{\"action\":\"PING\",\"args\":2}");
                again.next("PONG");
            }
        }
    }
}
