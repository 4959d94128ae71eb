package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archiveMessages}: each accepted SNAP first writes the messages it prunes to the session's archive,
 * one relayed message per line, so the session's whole history stays on disk; without the setting nothing
 * is archived.
 */
class MessageArchiveIT {
    @TempDir
    Path data;

    private ReflectorServer start(boolean archive) {
        return ReflectorServer.builder().port(0).dataDir(data).archiveMessages(archive).build().start();
    }

    @Test
    void eachSnapArchivesExactlyTheMessagesItPrunes() throws IOException {
        String sid = "archived";
        List<JsonArray> relayed;
        try (ReflectorServer server = start(true); TestClient a = TestClient.joined(server, sid, "a")) {
            JsonArray m1 = send(a, "m1");
            JsonArray m2 = send(a, "m2");
            snap(server, a, sid, m2);
            JsonArray m3 = send(a, "m3");
            snap(server, a, sid, m3);
            send(a, "m4");
            relayed = List.of(m1, m2, m3);
        }
        List<Path> files = archiveFiles(sid);
        assertEquals(2, files.size(), files.toString());
        List<String> first = lines(files.get(0));
        List<String> second = lines(files.get(1));
        // The first snapshot also prunes the users message announcing the client, relayed before m1.
        assertEquals(relayed.subList(0, 2), recvs(first).subList(first.size() - 2, first.size()));
        assertEquals(List.of(relayed.get(2)), recvs(second));
        try (ReflectorServer restarted = start(true)) {
            assertEquals(files, archiveFiles(sid), "a restart keeps the archive as it was");
        }
    }

    /** An archive that cannot be written makes the SNAP be ignored: nothing is pruned unarchived. */
    @Test
    void aSnapWhoseMessagesCannotBeArchivedPrunesNothing() throws IOException {
        String sid = "blocked";
        try (ReflectorServer server = start(true); TestClient a = TestClient.joined(server, sid, "a")) {
            JsonArray m1 = send(a, "m1");
            Files.writeString(data.resolve("sessions").resolve(sid).resolve("archive"), "a file in the way");
            snap(server, a, sid, m1);
            try (TestClient b = TestClient.connect(server, sid)) {
                b.join("b", 200, 0);
                var sync = b.next("SYNC").getAsJsonObject("args");
                assertEquals("", sync.get("url").getAsString(), "the snapshot was not accepted");
                assertTrue(sync.getAsJsonArray("messages").toString().contains("\"m1\""), sync.toString());
            }
            assertTrue(server.metricsText().contains("flamingo_rejected_total{reason=\"archive_failed\"} 1"));
        }
    }

    @Test
    void withoutTheSettingNothingIsArchived() {
        String sid = "unarchived";
        try (ReflectorServer server = start(false); TestClient a = TestClient.joined(server, sid, "a")) {
            snap(server, a, sid, send(a, "m1"));
            send(a, "m2");
        }
        assertFalse(Files.exists(data.resolve("sessions").resolve(sid).resolve("archive")));
    }

    @Test
    void archivingNeedsADataDirectory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReflectorServer.builder().port(0).archiveMessages(true).build());
        assertTrue(e.getMessage().contains("archiveMessages"), e.getMessage());
    }

    private static JsonArray send(TestClient c, String payload) {
        c.sendMessage(payload);
        return c.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals(payload));
    }

    /** Uploads a snapshot file for the message {@code at} and announces it; waits until the SNAP took effect. */
    private static void snap(ReflectorServer server, TestClient c, String sid, JsonArray at) {
        String path = "apps/app/snap/c/p1." + sid + "/" + at.get(0).getAsLong() + "_" + at.get(1).getAsLong() + ".h";
        URI file = server.httpUri().resolve("files/" + path);
        assertEquals(201, Http.put(file, "encrypted").statusCode());
        c.send("{\"action\":\"SNAP\",\"args\":{\"time\":" + at.get(0) + ",\"seq\":" + at.get(1)
                + ",\"hash\":\"h\",\"url\":\"" + file + "\"}}");
        // Frames from one socket are handled in order: once this PING is answered, the SNAP was handled.
        c.send("{\"action\":\"PING\",\"args\":1}");
        c.next("PONG");
    }

    private List<Path> archiveFiles(String sid) throws IOException {
        Path archive = data.resolve("sessions").resolve(sid).resolve("archive");
        try (Stream<Path> files = Files.list(archive)) {
            return files.sorted().toList();
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static List<JsonArray> recvs(List<String> lines) {
        return lines.stream().map(l -> JsonParser.parseString(l).getAsJsonArray()).toList();
    }
}
