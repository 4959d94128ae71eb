package dev.flamingo.reflector;

import static dev.flamingo.reflector.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees: every metric the reflector promises at {@code /metrics} moves when the thing it
 * counts happens, and a session's start and end are each one log line naming the session.
 */
class ObservabilityIT {
    private static final String SESSION = "observed";

    @Test
    void everyMetricMovesWithWhatItCounts(@TempDir Path data) {
        try (ReflectorServer server = ReflectorServer.builder().port(0).dataDir(data).build().start();
             TestClient a = TestClient.connect(server, SESSION);
             TestClient b = TestClient.joined(server, SESSION, "b")) {
            a.join("a", 50, 0);
            a.next("SYNC");
            a.next("TICK");
            a.sendMessage("m1");
            JsonArray m1 = b.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("m1"));
            snap(server, a, m1);
            a.send("{\"action\":\"NOT_AN_ACTION\"}");
            a.sendMessage("m2");
            b.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("m2"));

            Map<String, Long> m = metrics(server);
            assertEquals(2, m.get("flamingo_connections"), "open sockets");
            assertEquals(1, m.get("flamingo_sessions"), "sessions in memory");
            assertEquals(2, m.get("flamingo_connections_total"));
            for (String counted : List.of("flamingo_frames_in_total", "flamingo_bytes_in_total",
                    "flamingo_frames_out_total", "flamingo_bytes_out_total", "flamingo_ticks_total",
                    "flamingo_journal_commit_seconds_count", "flamingo_snapshot_seconds_count")) {
                assertTrue(m.get(counted) > 0, counted + " did not move: " + m);
            }
            assertTrue(m.get("flamingo_bytes_in_total") > m.get("flamingo_frames_in_total"), m.toString());
            assertTrue(m.get("flamingo_messages_total") >= 3, "users messages and two SENDs: " + m);
            assertEquals(1, m.get("flamingo_snapshots_total"));
            assertEquals(1, m.get("flamingo_rejected_total{reason=\"unknown_action\"}"));
        }
    }

    @Test
    void aSessionsStartAndEndAreLoggedOnceEach() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = capture(lines);
        Logger log = Logger.getLogger("dev.flamingo.reflector.internal.Session");
        log.addHandler(handler);
        try (ReflectorServer server = ReflectorServer.builder().port(0).build().start()) {
            try (TestClient a = TestClient.joined(server, "logged", "a");
                 TestClient b = TestClient.joined(server, "logged", "b")) {
                a.sendMessage("m");
                b.nextRecv(p -> p.isJsonPrimitive());
            }
            await(() -> count(lines, "session-end id=logged ") == 1, "session-end logged: " + lines);
            assertEquals(1, count(lines, "session-start id=logged "), lines.toString());
            String start = lines.stream().filter(l -> l.startsWith("session-start id=logged ")).findFirst().orElseThrow();
            assertTrue(start.contains(" app=app ") && start.contains(" timeline="), start);
            String end = lines.stream().filter(l -> l.startsWith("session-end id=logged ")).findFirst().orElseThrow();
            assertTrue(end.contains(" seq=") && end.contains(" retained="), end);
        } finally {
            log.removeHandler(handler);
        }
    }

    /**
     * A client's LOG (Croquet clients send their view-exit-mismatch reports so) is one log line naming the
     * session, with the text escaped so that it cannot forge other lines and cut to a bound; whatever its
     * args, a LOG closes nothing.
     */
    @Test
    void aClientLogIsOneBoundedLineNamingTheSessionAndClosesNothing() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = capture(lines);
        Logger log = Logger.getLogger("dev.flamingo.reflector.internal.Session");
        log.addHandler(handler);
        try (ReflectorServer server = ReflectorServer.builder().port(0).build().start();
             TestClient a = TestClient.joined(server, "client-log", "a");
             TestClient b = TestClient.joined(server, "client-log", "b")) {
            a.send("{\"action\":\"LOG\",\"args\":\"mismatch\\nsession-end id=forged\\r\\u2028\\u001b[2J end\"}");
            a.send("{\"action\":\"LOG\",\"args\":\"" + "x".repeat(200_000) + "\"}");
            a.send("{\"action\":\"LOG\",\"args\":{\"what\":\"view-exit-mismatch\",\"active\":2}}");
            for (String args : List.of("", ",\"args\":null", ",\"args\":42", ",\"args\":[[[]]]")) {
                a.send("{\"action\":\"LOG\"" + args + "}");
            }
            a.send("{\"action\":\"PING\",\"args\":1}");
            a.next("PONG"); // frames are handled in order: every LOG before it has been logged
            List<String> logged = lines.stream().filter(l -> l.startsWith("client-log session=client-log ")).toList();
            assertEquals(7, logged.size(), logged.toString());
            assertTrue(logged.stream().noneMatch(l -> l.matches("(?s).*[\\n\\r\\u0085\\u2028\\u2029\\u001b].*")),
                    "a line break or escape sequence from the client reached the log: " + logged);
            assertTrue(logged.get(0).endsWith(" text=mismatch\\nsession-end id=forged\\r\\u2028\\u001b[2J end"),
                    logged.get(0));
            assertTrue(logged.get(1).contains("x".repeat(500)) && logged.get(1).length() < 1000,
                    "200,000 chars logged as " + logged.get(1).length());
            assertTrue(logged.get(2).endsWith(" text={\"what\":\"view-exit-mismatch\",\"active\":2}"), logged.get(2));
            a.sendMessage("after-logs");
            b.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("after-logs"));
            assertFalse(a.closed.isDone() || b.closed.isDone(), "a LOG closed a socket");
        } finally {
            log.removeHandler(handler);
        }
    }

    /** A log handler adding each record's message, formatted as a formatter would, to {@code lines}. */
    private static Handler capture(List<String> lines) {
        return new Handler() {
            @Override public void publish(LogRecord r) {
                lines.add(MessageFormat.format(r.getMessage(), r.getParameters()));
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
    }

    private static void snap(ReflectorServer server, TestClient client, JsonArray at) {
        String path = "apps/app/snap/c/p1." + SESSION + "/" + at.get(0) + "_" + at.get(1) + ".h";
        assertEquals(201, Http.put(server.filesUri().resolve(path), "sealed").statusCode());
        client.send("{\"action\":\"SNAP\",\"args\":{\"time\":" + at.get(0) + ",\"seq\":" + at.get(1)
                + ",\"hash\":\"h\",\"url\":\"" + server.filesUri().resolve(path) + "\"}}");
    }

    /** Every sample line of the Prometheus text, by name (with labels) to value. */
    private static Map<String, Long> metrics(ReflectorServer server) {
        return server.metricsText().lines().filter(l -> !l.startsWith("#"))
                .collect(Collectors.toMap(l -> l.substring(0, l.lastIndexOf(' ')),
                        l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }
}
