package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts from --data: after a graceful stop, an abrupt in-process halt, an unload of an empty session,
 * and a real {@code kill -9} of the CLI jar, reconnecting clients get the same timeline, the same seq
 * and every message any client had received, with time never going backwards.
 */
class DurabilityIT {
    @TempDir
    Path data;

    /** What one client observed before the reflector went away. */
    private record Seen(String timeline, long lastSeq, long maxTime, List<String> payloads) {
    }

    private static Seen exchange(TestClient a, int count, String prefix) {
        a.join("a", 30, 0);
        JsonObject sync = a.next("SYNC").getAsJsonObject("args");
        long maxTime = sync.get("time").getAsLong();
        for (int i = 0; i < count; i++) {
            a.sendMessage(prefix + i);
        }
        List<String> payloads = new ArrayList<>();
        long lastSeq = sync.get("seq").getAsLong();
        while (payloads.size() < count) {
            JsonObject f = a.next("RECV");
            JsonArray args = f.getAsJsonArray("args");
            lastSeq = args.get(1).getAsLong();
            maxTime = Math.max(maxTime, args.get(0).getAsLong());
            if (args.get(2).isJsonPrimitive()) {
                payloads.add(args.get(2).getAsString());
            }
        }
        maxTime = Math.max(maxTime, a.next("TICK").get("args").getAsLong());
        return new Seen(sync.get("timeline").getAsString(), lastSeq, maxTime, payloads);
    }

    private static void assertResumed(Seen seen, JsonObject sync) {
        assertEquals(seen.timeline(), sync.get("timeline").getAsString(), "same timeline");
        assertTrue(sync.get("seq").getAsLong() == seen.lastSeq() || after(seen.lastSeq(), sync.get("seq").getAsLong()),
                "seq continues: " + sync.get("seq") + " after " + seen.lastSeq());
        assertTrue(sync.get("time").getAsLong() >= seen.maxTime(), "time never goes backwards");
        List<String> stored = new ArrayList<>();
        for (JsonElement m : sync.getAsJsonArray("messages")) {
            JsonElement p = m.getAsJsonArray().get(2);
            if (p.isJsonPrimitive()) {
                stored.add(p.getAsString());
            }
        }
        assertTrue(stored.containsAll(seen.payloads()), "no received message lost: " + stored);
    }

    private static boolean after(long a, long b) {
        long d = (b - a) & 0xFFFFFFFFL;
        return d > 0 && d < 0x8000000L;
    }

    private ReflectorServer start(int port) {
        return ReflectorServer.builder().port(port).dataDir(data).build().start();
    }

    @Test
    void gracefulStopAsksClientsToReconnectAndResumesTheSameTimeline() {
        ReflectorServer first = start(0);
        Seen seen;
        try (TestClient a = TestClient.connect(first, "graceful")) {
            seen = exchange(a, 20, "g");
            first.close();
            assertEquals(4003, a.closeCode(), "4003 makes Croquet clients reconnect");
        }
        try (ReflectorServer second = start(0); TestClient b = TestClient.connect(second, "graceful")) {
            b.join("b", 30, 0);
            assertResumed(seen, b.next("SYNC").getAsJsonObject("args"));
            b.sendMessage("next");
            JsonArray next = b.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("next"));
            assertTrue(after(seen.lastSeq(), next.get(1).getAsLong()));
        }
    }

    @Test
    void abruptHaltLosesNoRelayedMessage() {
        ReflectorServer first = start(0);
        Seen seen;
        try (TestClient a = TestClient.connect(first, "abrupt")) {
            seen = exchange(a, 200, "h");
            first.halt();
        }
        try (ReflectorServer second = start(0); TestClient b = TestClient.connect(second, "abrupt")) {
            b.join("b", 30, 0);
            assertResumed(seen, b.next("SYNC").getAsJsonObject("args"));
        }
    }

    /** Besides the messages, a crash keeps what the session was created with and its last snapshot. */
    @Test
    void snapshotPointerToveAndTickRateSurviveACrash() {
        ReflectorServer first = start(0);
        JsonArray snapped;
        String url;
        try (TestClient a = TestClient.connect(first, "snapped")) {
            a.join("a", 40, 0);
            a.next("SYNC");
            a.sendMessage("before");
            snapped = a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("before"));
            String path = "apps/app/snap/c/p1.snapped/" + snapped.get(0) + "_" + snapped.get(1) + ".h";
            assertEquals(201, Http.put(first.filesUri().resolve(path), "sealed").statusCode());
            url = first.filesUri().resolve(path).toString();
            a.send("{\"action\":\"SNAP\",\"args\":{\"time\":" + snapped.get(0) + ",\"seq\":" + snapped.get(1)
                    + ",\"hash\":\"h\",\"url\":\"" + url + "\"}}");
            a.sendMessage("after");
            a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("after"));
            first.halt();
        }
        try (ReflectorServer second = start(0); TestClient b = TestClient.connect(second, "snapped")) {
            b.join("b", 5000, 0);
            JsonObject sync = b.next("SYNC").getAsJsonObject("args");
            assertEquals(url, sync.get("url").getAsString());
            assertEquals(snapped.get(0).getAsLong(), sync.get("snapshotTime").getAsLong());
            assertEquals(snapped.get(1).getAsLong(), sync.get("snapshotSeq").getAsLong());
            assertEquals("tove-1", sync.get("tove").getAsString(), "the first JOIN's tove");
            List<String> stored = new ArrayList<>();
            for (JsonElement m : sync.getAsJsonArray("messages")) {
                if (m.getAsJsonArray().get(2).isJsonPrimitive()) {
                    stored.add(m.getAsJsonArray().get(2).getAsString());
                }
            }
            assertEquals(List.of("after"), stored, "only the messages after the snapshot");
            long t1 = b.next("TICK", 1000).get("args").getAsLong();
            long t2 = b.next("TICK", 1000).get("args").getAsLong();
            assertTrue(t2 - t1 < 1000, "the first JOIN's 40 ms ticks, not the 5 s b asked for: " + t1 + ", " + t2);
        }
    }

    @Test
    void emptySessionIsUnloadedAndResumesFromDisk() throws InterruptedException {
        try (ReflectorServer server = ReflectorServer.builder().port(0).dataDir(data)
                .unloadDelay(Duration.ofMillis(50)).build().start()) {
            Seen seen;
            try (TestClient a = TestClient.connect(server, "unload")) {
                seen = exchange(a, 5, "u");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!server.metricsText().contains("flamingo_sessions 0") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(server.metricsText().contains("flamingo_sessions 0"), "session unloaded");
            try (TestClient b = TestClient.connect(server, "unload")) {
                b.join("b", 30, 0);
                assertResumed(seen, b.next("SYNC").getAsJsonObject("args"));
            }
        }
    }

    @Test
    void usersPresentAtACrashReconnectWithoutLeavingOrJoining() {
        ReflectorServer first = ReflectorServer.builder().port(0).dataDir(data).build().start();
        try (TestClient a = TestClient.joined(first, "ghosts", "a");
             TestClient b = TestClient.joined(first, "ghosts", "b")) {
            while (b.nextUsers().get("active").getAsInt() < 2) {
                a.frames.clear();
            }
            first.halt();
        }
        try (ReflectorServer second = ReflectorServer.builder().port(0).dataDir(data)
                .restartGrace(Duration.ofMillis(1500)).build().start();
             TestClient a = TestClient.joined(second, "ghosts", "a")) {
            JsonObject users = a.nextUsers();
            assertTrue(!users.has("joined") && !users.has("left"), "a's return cancels its ghost: " + users);
            assertEquals(2, users.get("active").getAsInt(), "b is still counted while it may come back");
            JsonObject gone = a.nextUsers();
            assertEquals("b", gone.getAsJsonArray("left").get(0).getAsString(), "b never came back");
            assertEquals(1, gone.get("active").getAsInt());
        }
    }

    @Test
    void aSessionEveryoneLeftResumesWithNobodyPresent() throws InterruptedException {
        try (ReflectorServer server = ReflectorServer.builder().port(0).dataDir(data)
                .unloadDelay(Duration.ofMillis(10)).build().start()) {
            try (TestClient a = TestClient.joined(server, "left", "a")) {
                a.nextUsers();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!server.metricsText().contains("flamingo_sessions 0") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            try (TestClient b = TestClient.joined(server, "left", "b")) {
                JsonObject users = b.nextUsers();
                assertEquals(1, users.get("active").getAsInt(), "no ghost of a: " + users);
                assertEquals("b", users.getAsJsonArray("joined").get(0).getAsString());
            }
        }
    }

    @Test
    void aClientThatLeftJustBeforeAStopIsNoGhost() {
        ReflectorServer first = ReflectorServer.builder().port(0).dataDir(data).build().start();
        try (TestClient a = TestClient.connect(first, "lingering")) {
            a.join("a", 200, 0, 5000);
            a.next("SYNC");
            a.nextUsers();
        }
        first.close();
        try (ReflectorServer second = ReflectorServer.builder().port(0).dataDir(data).build().start();
             TestClient b = TestClient.joined(second, "lingering", "b")) {
            JsonObject users = b.nextUsers();
            assertEquals(1, users.get("active").getAsInt(), "a left before the stop: " + users);
        }
    }

    @Test
    void memoryOnlyServerStartsAFreshTimelineAfterRestart() {
        String timeline;
        try (ReflectorServer server = ReflectorServer.builder().port(0).build().start();
             TestClient a = TestClient.connect(server, "volatile")) {
            timeline = exchange(a, 1, "v").timeline();
        }
        try (ReflectorServer server = ReflectorServer.builder().port(0).build().start();
             TestClient a = TestClient.connect(server, "volatile")) {
            assertNotEquals(timeline, exchange(a, 1, "v").timeline());
        }
    }

    @Test
    void killMinus9OfTheCliJarLosesNoRelayedMessage() throws Exception {
        Path jar = Path.of("target", "flamingo-reflector.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase");
        Cli first = Cli.start(jar, data, 0);
        Seen seen;
        try (TestClient a = TestClient.connect(first.uri("killed"))) {
            seen = exchange(a, 300, "k");
            first.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertNotEquals(4003, a.closeCode(), "no goodbye after kill -9");
        }
        Cli second = Cli.start(jar, data, first.port);
        try (TestClient b = TestClient.connect(second.uri("killed"))) {
            b.join("b", 30, 0);
            assertResumed(seen, b.next("SYNC").getAsJsonObject("args"));
        } finally {
            // Through the handle: Process.destroy() would also close our end of its stdout.
            second.process.toHandle().destroy();
            assertTrue(second.process.waitFor(10, TimeUnit.SECONDS));
            assertTrue(second.output().contains("sessions persisted"), second.output());
        }
    }

    /** The reflector CLI in its own JVM, with the port it printed. */
    private record Cli(Process process, int port, StringBuilder log, Thread pump) {
        static final Pattern LISTENING = Pattern.compile("listening on ws://127\\.0\\.0\\.1:(\\d+)/reflector");

        static Cli start(Path jar, Path data, int port) throws IOException {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--port", Integer.toString(port), "--data", data.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder log = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null) {
                log.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    Thread pump = new Thread(() -> pump(out, log), "cli-output");
                    pump.setDaemon(true);
                    pump.start();
                    return new Cli(p, Integer.parseInt(m.group(1)), log, pump);
                }
            }
            throw new AssertionError("reflector CLI exited without listening:\n" + log);
        }

        private static void pump(BufferedReader out, StringBuilder log) {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }

        String output() throws InterruptedException {
            pump.join(5000);
            synchronized (log) {
                return log.toString();
            }
        }

        URI uri(String sessionId) {
            return URI.create("ws://127.0.0.1:" + port + "/reflector/" + sessionId);
        }
    }
}
