package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PUT/GET under /files, write-once and traversal refusal, SNAP acceptance and pruning, REQU/INFO. */
class FilesAndSnapshotsIT {
    static ReflectorServer server;

    @BeforeAll
    static void start() {
        server = ReflectorServer.builder().port(0).maxFileBytes(64 * 1024).backlogLimits(5, 10)
                .apiKeys(List.of("secret")).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI file(String path) {
        return server.httpUri().resolve("files/" + path);
    }

    @Test
    void putThenGetReturnsTheBytesWithCors() {
        HttpResponse<String> put = Http.put(file("apps/app/snap/c/p1.s/0000000001_1.h"), "snapshot-bytes");
        assertEquals(201, put.statusCode());
        HttpResponse<String> get = Http.get(file("apps/app/snap/c/p1.s/0000000001_1.h"));
        assertEquals(200, get.statusCode());
        assertEquals("snapshot-bytes", get.body());
        assertEquals("*", get.headers().firstValue("access-control-allow-origin").orElse(""));
        HttpResponse<String> options = Http.send(HttpRequest.newBuilder(file("x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, options.statusCode());
        assertTrue(options.headers().firstValue("access-control-allow-methods").orElse("").contains("PUT"));
        assertEquals(404, Http.get(file("apps/none")).statusCode());
    }

    @Test
    void existingFileIsNeverOverwritten() {
        assertEquals(201, Http.put(file("apps/app/once"), "first").statusCode());
        assertEquals(200, Http.put(file("apps/app/once"), "first").statusCode(), "identical retry is fine");
        assertEquals(409, Http.put(file("apps/app/once"), "second").statusCode());
        assertEquals("first", Http.get(file("apps/app/once")).body());
    }

    @Test
    void traversalAndHiddenNamesAreRefused() throws IOException {
        for (String path : List.of("/files/../secret", "/files/a/%2e%2e/%2e%2e/x", "/files/.hidden",
                "/files/a//b", "/files/a%2fb/../../c", "/files/a%00b")) {
            assertEquals(400, rawStatus("PUT", path, "x"), path);
        }
    }

    @Test
    void oversizedPutIsRefused() {
        assertEquals(413, Http.put(file("apps/app/big"), "x".repeat(70 * 1024)).statusCode());
    }

    @Test
    void largeBodiesOutsideFilesAreRefusedBeforeBuffering() {
        HttpResponse<String> res = Http.send(HttpRequest.newBuilder(server.httpUri().resolve("metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build());
        assertEquals(413, res.statusCode());
    }

    @Test
    void healthzMetricsAndSessionsNeedingAKey() {
        assertEquals(200, Http.get(server.httpUri().resolve("healthz")).statusCode());
        String metrics = Http.get(server.httpUri().resolve("metrics")).body();
        assertTrue(metrics.contains("flamingo_connections "), metrics);
        assertTrue(metrics.contains("flamingo_journal_commit_seconds_bucket"), metrics);
        assertEquals(403, Http.get(server.httpUri().resolve("sessions")).statusCode());
        HttpResponse<String> listed = Http.send(HttpRequest.newBuilder(server.httpUri().resolve("sessions"))
                .header("Authorization", "Bearer secret").build());
        assertEquals(200, listed.statusCode());
    }

    @Test
    void snapPrunesMessagesAndLateJoinerSyncsFromTheSnapshot() {
        String sid = "snapsession";
        try (TestClient a = joined(sid, "a")) {
            a.sendMessage("m1");
            a.sendMessage("m2");
            JsonArray m2 = a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("m2"));
            String path = "apps/app/snap/c/p1." + sid + "/" + m2.get(0).getAsLong() + "_" + m2.get(1).getAsLong() + ".h";
            assertEquals(201, Http.put(file(path), "encrypted").statusCode());
            String url = file(path).toString();
            a.send("{\"action\":\"SNAP\",\"args\":{\"time\":" + m2.get(0) + ",\"seq\":" + m2.get(1)
                    + ",\"hash\":\"h\",\"url\":\"" + url + "\"}}");
            a.sendMessage("m3");
            a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("m3"));
            try (TestClient b = TestClient.connect(server, sid)) {
                joinWithKey(b, "b");
                JsonObject args = b.next("SYNC").getAsJsonObject("args");
                assertEquals(url, args.get("url").getAsString());
                assertEquals(m2.get(1).getAsLong(), args.get("snapshotSeq").getAsLong());
                JsonArray messages = args.getAsJsonArray("messages");
                assertEquals(1, messages.size(), messages.toString());
                assertEquals("m3", messages.get(0).getAsJsonArray().get(2).getAsString());
            }
        }
    }

    @Test
    void snapForAFileTheServerDoesNotHoldIsIgnored() {
        String sid = "foreignsnap";
        try (TestClient a = joined(sid, "a")) {
            a.sendMessage("m1");
            JsonArray m1 = a.nextRecv(p -> p.isJsonPrimitive());
            a.send("{\"action\":\"SNAP\",\"args\":{\"time\":" + m1.get(0) + ",\"seq\":" + m1.get(1)
                    + ",\"hash\":\"h\",\"url\":\"http://evil.example/files/apps/x/" + sid + "/1\"}}");
            assertEquals(201, Http.put(file("apps/other/session/1"), "x").statusCode());
            a.send("{\"action\":\"SNAP\",\"args\":{\"time\":" + m1.get(0) + ",\"seq\":" + m1.get(1)
                    + ",\"hash\":\"h\",\"url\":\"" + file("apps/other/session/1") + "\"}}");
            try (TestClient b = TestClient.connect(server, sid)) {
                joinWithKey(b, "b");
                JsonObject args = b.next("SYNC").getAsJsonObject("args");
                assertEquals("", args.get("url").getAsString());
                assertTrue(args.getAsJsonArray("messages").size() >= 1);
            }
        }
    }

    /** A SNAP from the future (a bug, or a hostile member) would make every later, real snapshot look old. */
    @Test
    void snapBeyondTheSessionsTimeOrSeqIsIgnored() {
        String sid = "futuresnap";
        try (TestClient a = joined(sid, "a")) {
            a.sendMessage("m1");
            JsonArray m1 = a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("m1"));
            long time = m1.get(0).getAsLong();
            long seq = m1.get(1).getAsLong();
            String path = "apps/app/snap/c/p1." + sid + "/" + time + "_" + seq + ".h";
            assertEquals(201, Http.put(file(path), "encrypted").statusCode());
            String url = file(path).toString();
            a.send(snap(time, (seq + 1000) & 0xFFFFFFFFL, url)); // a seq not given out yet
            a.send(snap(time + 86_400_000L, seq, url));          // a day ahead
            a.send(snap(time, seq, url));
            a.sendMessage("m2");
            a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("m2"));
            try (TestClient b = TestClient.connect(server, sid)) {
                joinWithKey(b, "b");
                JsonObject args = b.next("SYNC").getAsJsonObject("args");
                assertEquals(time, args.get("snapshotTime").getAsLong(), "the real snapshot was taken");
                assertEquals(seq, args.get("snapshotSeq").getAsLong());
                JsonArray messages = args.getAsJsonArray("messages");
                assertEquals("m2", messages.get(messages.size() - 1).getAsJsonArray().get(2).getAsString());
            }
        }
    }

    private static String snap(long time, long seq, String url) {
        return "{\"action\":\"SNAP\",\"args\":{\"time\":" + time + ",\"seq\":" + seq + ",\"hash\":\"h\",\"url\":\""
                + url + "\"}}";
    }

    @Test
    void backlogPressureSendsRequThenInfoAndFinallyDropsMessages() {
        try (TestClient a = joined("backlog", "a")) {
            for (int i = 0; i < 12; i++) {
                a.sendMessage("m" + i);
            }
            a.next("REQU");
            JsonObject info = a.next("INFO");
            assertEquals("SNAPSHOT_NEEDED", info.getAsJsonObject("args").get("code").getAsString());
            long relayed = a.drain(300).stream().filter(f -> f.contains("\"RECV\"") && f.contains("\"m")).count();
            assertTrue(relayed < 12, "messages beyond the cap are dropped: " + relayed);
        }
    }

    private static TestClient joined(String sid, String view) {
        TestClient c = TestClient.connect(server, sid);
        joinWithKey(c, view);
        c.next("SYNC");
        // The users message announcing this client comes up to 200 ms after SYNC; wait for it so it cannot
        // land among the messages a test counts.
        c.nextUsers();
        return c;
    }

    private static void joinWithKey(TestClient c, String view) {
        c.send("{\"action\":\"JOIN\",\"args\":{\"name\":\"app/x\",\"apiKey\":\"secret\",\"appId\":\"app\","
                + "\"persistentId\":\"p1\",\"version\":1,\"user\":\"" + view + "\",\"ticks\":{\"tick\":1000}}}");
    }

    /** Sends a request line as given, without the client normalising the path. */
    private static int rawStatus(String method, String path, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
