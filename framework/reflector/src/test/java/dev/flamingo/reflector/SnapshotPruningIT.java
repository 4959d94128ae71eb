package dev.flamingo.reflector;

import static dev.flamingo.reflector.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Superseded snapshot files are deleted, the newest few kept (also across a restart), an expired session's
 * snapshots go with it, and nothing but snapshots the session announced is ever deleted.
 */
class SnapshotPruningIT {
    @TempDir
    Path data;

    @Test
    void snapshotNPlusKDeletesTheOldest() {
        try (ReflectorServer server = ReflectorServer.builder().port(0).build().start();
             TestClient a = TestClient.joined(server, "prune", "a")) {
            Snapper snapper = new Snapper(server, a, "prune");
            List<String> files = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                files.add(snapper.snap());
            }
            files.add(snapper.snap());
            await(() -> gone(server, files.get(0)), "the oldest of four is deleted");
            files.subList(1, 4).forEach(f -> assertTrue(exists(server, f), f));
            files.add(snapper.snap());
            await(() -> counter(server, "flamingo_snapshot_files_pruned_total") == 2, "then the next oldest");
            assertTrue(gone(server, files.get(1)));
            try (TestClient late = TestClient.joined(server, "prune", "late")) {
                assertTrue(exists(server, files.get(4)), "the snapshot late joiners load stays");
            }
        }
    }

    @Test
    void filesOtherThanSupersededSnapshotsAreNeverDeleted() {
        try (ReflectorServer server = ReflectorServer.builder().port(0).keepSnapshots(1).build().start();
             TestClient a = TestClient.joined(server, "spare", "a")) {
            Snapper snapper = new Snapper(server, a, "spare");
            String saved = snapper.snap();
            a.send("{\"action\":\"SAVE\",\"args\":{\"persistTime\":1,\"url\":\"" + url(server, saved) + "\"}}");
            String orphan = put(server, "apps/app/snap/c/p1.spare/9999999999_1.never-snapped");
            String blob = put(server, "apps/app/p1/data/blob-spare");
            String persisted = put(server, "apps/app/p1/save/hash-spare");
            String outsideLayout = put(server, "apps/app/p1.spare/data/blob");
            snapper.snapExisting(outsideLayout);
            String last = null;
            for (int i = 0; i < 3; i++) {
                last = snapper.snap();
            }
            String newest = last;
            await(() -> counter(server, "flamingo_snapshot_files_pruned_total") == 2, "two superseded snapshots deleted");
            for (String kept : List.of(saved, orphan, blob, persisted, outsideLayout, newest)) {
                assertTrue(exists(server, kept), kept);
            }
        }
    }

    @Test
    void pruningCarriesOnAfterARestart() {
        List<String> files = new ArrayList<>();
        try (ReflectorServer first = durable(2).build().start(); TestClient a = TestClient.joined(first, "restart", "a")) {
            Snapper snapper = new Snapper(first, a, "restart");
            files.add(snapper.snap());
            files.add(snapper.snap());
            first.halt();
        }
        try (ReflectorServer second = durable(2).build().start(); TestClient b = TestClient.joined(second, "restart", "b")) {
            assertTrue(exists(second, files.get(0)));
            files.add(new Snapper(second, b, "restart").snap());
            await(() -> gone(second, files.get(0)), "the list survived the crash");
            assertTrue(exists(second, files.get(1)) && exists(second, files.get(2)));
        }
    }

    @Test
    void anExpiredStoredSessionTakesItsSnapshotsWithIt() {
        try (ReflectorServer server = durable(3).unloadDelay(Duration.ofMillis(10)).retention(Duration.ofMillis(300))
                .build().start()) {
            assertExpiryDeletesSnapshots(server, "expire-stored");
            assertFalse(Files.exists(data.resolve("sessions/expire-stored")));
        }
    }

    @Test
    void anExpiredMemorySessionTakesItsSnapshotsWithIt() {
        try (ReflectorServer server = ReflectorServer.builder().port(0).unloadDelay(Duration.ofMillis(10))
                .retention(Duration.ofMillis(300)).build().start()) {
            assertExpiryDeletesSnapshots(server, "expire-memory");
        }
    }

    @Test
    void aFileAlreadyGoneOrUndeletableIsLoggedAndHarmless() throws IOException {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord r) { logged.add(r.getMessage() + r.getParameters()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger log = Logger.getLogger("dev.flamingo.reflector.internal.SnapshotDeleter");
        log.addHandler(handler);
        try (ReflectorServer server = ReflectorServer.builder().port(0).keepSnapshots(1).build().start();
             TestClient a = TestClient.joined(server, "harmless", "a")) {
            Snapper snapper = new Snapper(server, a, "harmless");
            String first = snapper.snap();
            Files.delete(server.filesDir().resolve(first));
            String second = snapper.snap();
            await(() -> logged.stream().anyMatch(m -> m.startsWith("snapshot-prune-missing")), "a missing file is logged");
            Files.delete(server.filesDir().resolve(second));
            Files.createDirectories(server.filesDir().resolve(second).resolve("in-the-way"));
            snapper.snap();
            await(() -> logged.stream().anyMatch(m -> m.startsWith("snapshot-prune-failed")), "a failure is logged");
            assertEquals(0, counter(server, "flamingo_snapshot_files_pruned_total"));
            a.sendMessage("still-relaying");
            a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("still-relaying"));
            Files.delete(server.filesDir().resolve(second).resolve("in-the-way"));
            String fourth = snapper.snap();
            await(() -> counter(server, "flamingo_snapshot_files_pruned_total") == 2, "the failed one is retried");
            try (TestClient late = TestClient.joined(server, "harmless", "late")) {
                assertTrue(exists(server, fourth));
            }
        } finally {
            log.removeHandler(handler);
        }
    }

    private void assertExpiryDeletesSnapshots(ReflectorServer server, String sid) {
        List<String> files = new ArrayList<>();
        String blob;
        try (TestClient a = TestClient.joined(server, sid, "a")) {
            Snapper snapper = new Snapper(server, a, sid);
            files.add(snapper.snap());
            files.add(snapper.snap());
            blob = put(server, "apps/app/p1/data/blob-" + sid);
        }
        await(() -> files.stream().allMatch(f -> gone(server, f)), "snapshot files deleted with the session");
        String sessionDir = files.get(0).substring(0, files.get(0).lastIndexOf('/'));
        await(() -> gone(server, sessionDir), "the emptied snapshot directory deleted too");
        assertTrue(exists(server, blob), "data blobs are not the session's to delete");
    }

    private ReflectorServer.Builder durable(int keep) {
        return ReflectorServer.builder().port(0).dataDir(data).keepSnapshots(keep);
    }

    /** Uploads and announces snapshots the way Croquet clients do, one per message. */
    private static final class Snapper {
        private final ReflectorServer server;
        private final TestClient client;
        private final String sid;
        private int count;

        Snapper(ReflectorServer server, TestClient client, String sid) {
            this.server = server;
            this.client = client;
            this.sid = sid;
        }

        /** Relative path of a new snapshot file, PUT and SNAPped at the time and seq of a new message. */
        String snap() {
            JsonArray m = message();
            return announce(put(server, "apps/app/snap/c/p1." + sid + "/" + m.get(0) + "_" + m.get(1) + ".h"), m);
        }

        /** SNAPs an uploaded file as it is. */
        void snapExisting(String path) {
            announce(path, message());
        }

        private JsonArray message() {
            String payload = sid + "-" + count++;
            sleep(); // a SNAP must be newer than the last one: let the session clock move on
            client.sendMessage(payload);
            return client.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals(payload));
        }

        private String announce(String path, JsonArray m) {
            client.send("{\"action\":\"SNAP\",\"args\":{\"time\":" + m.get(0) + ",\"seq\":" + m.get(1)
                    + ",\"hash\":\"h\",\"url\":\"" + url(server, path) + "\"}}");
            client.send("{\"action\":\"PING\",\"args\":" + count + "}");
            client.next("PONG"); // the SNAP before it is handled
            return path;
        }

        private static void sleep() {
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String put(ReflectorServer server, String path) {
        assertEquals(201, Http.put(URI.create(url(server, path)), "sealed bytes of " + path).statusCode(), path);
        return path;
    }

    private static String url(ReflectorServer server, String path) {
        return server.filesUri() + path;
    }

    private static boolean exists(ReflectorServer server, String path) {
        return Files.exists(server.filesDir().resolve(path));
    }

    private static boolean gone(ReflectorServer server, String path) {
        return !exists(server, path);
    }

    private static long counter(ReflectorServer server, String name) {
        return server.metricsText().lines().filter(l -> l.startsWith(name + " "))
                .mapToLong(l -> Long.parseLong(l.substring(name.length() + 1))).sum();
    }
}
