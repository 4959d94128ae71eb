package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention of unused sessions, SAVE pointers offered to new sessions, and the rawtime flag. */
class RetentionAndSaveIT {
    @TempDir
    Path data;

    private static String timelineOf(TestClient c) {
        return c.next("SYNC").getAsJsonObject("args").get("timeline").getAsString();
    }

    @Test
    void storedSessionIsDeletedAfterRetention() throws InterruptedException {
        try (ReflectorServer server = ReflectorServer.builder().port(0).dataDir(data)
                .unloadDelay(Duration.ofMillis(10)).retention(Duration.ofMillis(300)).build().start()) {
            String first;
            try (TestClient a = TestClient.connect(server, "expiring")) {
                a.join("a", 200, 0);
                first = timelineOf(a);
            }
            Path dir = data.resolve("sessions").resolve("expiring");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (Files.exists(dir) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(Files.exists(dir), "session directory removed after retention");
            try (TestClient b = TestClient.connect(server, "expiring")) {
                b.join("b", 200, 0);
                assertNotEquals(first, timelineOf(b));
            }
        }
    }

    @Test
    void memoryOnlySessionSurvivesItsClientsUntilRetention() {
        try (ReflectorServer server = ReflectorServer.builder().port(0).unloadDelay(Duration.ofMillis(10))
                .build().start()) {
            String first;
            try (TestClient a = TestClient.connect(server, "kept")) {
                a.join("a", 200, 0);
                first = timelineOf(a);
            }
            try (TestClient b = TestClient.connect(server, "kept")) {
                b.join("b", 200, 0);
                assertEquals(first, timelineOf(b), "resumes the live session, as within Croquet's 10 s");
            }
        }
    }

    @Test
    void saveUrlIsOfferedToANewSessionOfTheSameApp() {
        try (ReflectorServer server = ReflectorServer.builder().port(0).dataDir(data).build().start()) {
            try (TestClient a = TestClient.joined(server, "code-v1", "a")) {
                a.send("{\"action\":\"SAVE\",\"args\":{\"persistTime\":5,\"url\":\"http://x/files/saved\"}}");
                a.send("{\"action\":\"PING\",\"args\":1}");
                a.next("PONG");
            }
            try (TestClient b = TestClient.connect(server, "code-v2")) {
                b.join("b", 200, 0);
                JsonObject args = b.next("SYNC").getAsJsonObject("args");
                assertEquals("http://x/files/saved", args.get("url").getAsString());
                assertTrue(args.get("persisted").getAsBoolean());
            }
        }
    }

    @Test
    void rawtimeFlagPutsRawTimeInTheLastSlot() {
        try (ReflectorServer server = ReflectorServer.builder().port(0).build().start();
             TestClient a = TestClient.connect(server, "raw")) {
            a.send("{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\","
                    + "\"flags\":{\"rawtime\":true},\"ticks\":{\"tick\":1000}}}");
            a.next("SYNC");
            JsonArray users = a.nextRecv(p -> p.isJsonObject());
            assertEquals(4, users.size(), "reflector messages get a trailing raw-time slot");
            a.sendMessage("m");
            JsonArray m = a.nextRecv(p -> p.isJsonPrimitive());
            long raw = m.get(3).getAsLong();
            assertTrue(Math.abs(raw - m.get(0).getAsLong()) <= 2, "latency slot overwritten with raw time " + raw);
        }
    }
}
