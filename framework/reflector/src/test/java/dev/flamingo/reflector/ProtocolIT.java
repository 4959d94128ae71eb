package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JOIN, SYNC, RECV ordering, users batching and ticks against a real server on loopback. */
class ProtocolIT {
    static ReflectorServer server;

    @BeforeAll
    static void start() {
        server = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void firstJoinGetsEmptySyncThenUsersMessageWithItself() {
        try (TestClient a = TestClient.connect(server, "first-join")) {
            a.join("view-a", 200, 0);
            JsonObject sync = a.next("SYNC");
            assertEquals("first-join", sync.get("id").getAsString());
            JsonObject args = sync.getAsJsonObject("args");
            assertEquals(0, args.getAsJsonArray("messages").size());
            assertEquals(0xFFFFFFF0L, args.get("seq").getAsLong());
            assertEquals("tove-1", args.get("tove").getAsString());
            assertEquals("", args.get("url").getAsString());
            assertFalse(args.get("timeline").getAsString().isEmpty());
            JsonArray recv = a.nextRecv(p -> p.isJsonObject());
            assertEquals(0xFFFFFFF1L, recv.get(1).getAsLong());
            JsonObject users = recv.get(2).getAsJsonObject();
            assertEquals("users", users.get("what").getAsString());
            assertEquals(1, users.get("active").getAsInt());
            assertEquals("view-a", users.getAsJsonArray("joined").get(0).getAsString());
            assertTrue(users.has("_size"));
        }
    }

    @Test
    void everyClientSeesTheSameGapFreeOrder() {
        try (TestClient a = TestClient.joined(server, "ordering", "a");
             TestClient b = TestClient.joined(server, "ordering", "b");
             TestClient c = TestClient.joined(server, "ordering", "c")) {
            for (int i = 0; i < 50; i++) {
                a.sendMessage("a" + i);
                b.sendMessage("b" + i);
                c.sendMessage("c" + i);
            }
            List<String> seenByA = payloads(a, 150);
            assertEquals(seenByA, payloads(b, 150));
            assertEquals(seenByA, payloads(c, 150));
        }
    }

    /** Reads RECVs until {@code n} string payloads arrived; asserts seq +1 and time never decreasing. */
    private static List<String> payloads(TestClient client, int n) {
        List<String> out = new java.util.ArrayList<>();
        long lastSeq = -1;
        long lastTime = -1;
        while (out.size() < n) {
            JsonArray args = client.next("RECV").getAsJsonArray("args");
            long seq = args.get(1).getAsLong();
            long time = args.get(0).getAsLong();
            if (lastSeq >= 0) {
                assertEquals((lastSeq + 1) & 0xFFFFFFFFL, seq);
            }
            assertTrue(time >= lastTime);
            lastSeq = seq;
            lastTime = time;
            if (args.get(2).isJsonPrimitive()) {
                out.add(args.get(2).getAsString() + "@" + seq);
                assertEquals(7, args.get(3).getAsInt(), "extra elements after the payload are kept");
            }
        }
        return out;
    }

    @Test
    void lateJoinerSyncHoldsEveryMessageSinceStart() {
        try (TestClient a = TestClient.joined(server, "late", "a")) {
            a.nextUsers();
            for (int i = 0; i < 10; i++) {
                a.sendMessage("m" + i);
            }
            JsonArray last = a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("m9"));
            try (TestClient b = TestClient.connect(server, "late")) {
                b.join("b", 200, 0);
                JsonObject args = b.next("SYNC").getAsJsonObject("args");
                JsonArray messages = args.getAsJsonArray("messages");
                assertEquals(11, messages.size(), "users message plus ten");
                assertEquals(last.get(1).getAsLong(), args.get("seq").getAsLong());
                assertTrue(args.get("time").getAsLong() >= last.get(0).getAsLong());
                JsonObject users = b.nextUsers();
                assertEquals(2, users.get("active").getAsInt());
                assertEquals("b", users.getAsJsonArray("joined").get(0).getAsString());
            }
        }
    }

    @Test
    void ticksArriveOnlyInSilenceAtTheFirstJoinsRate() {
        try (TestClient a = TestClient.connect(server, "ticks")) {
            a.join("a", 50, 0);
            long syncTime = a.next("SYNC").getAsJsonObject("args").get("time").getAsLong();
            long t1 = a.next("TICK").get("args").getAsLong();
            long t2 = a.next("TICK").get("args").getAsLong();
            assertTrue(t1 >= syncTime && t2 >= t1 + 40, "ticks every ~50 ms: " + t1 + ", " + t2);
        }
    }

    @Test
    void sessionIdIsTheLastPathSegmentWhateverThePrefixAndQuery() {
        URI prefixed = server.httpUri().resolve("/any/prefix/v1/same-session?token=jwt.abc.def&region=eu&colo=FRA");
        try (TestClient a = TestClient.connect(URI.create(prefixed.toString().replaceFirst("^http", "ws")));
             TestClient b = TestClient.joined(server, "same-session", "b")) {
            a.join("a", 200, 0);
            assertEquals("same-session", a.next("SYNC").get("id").getAsString());
            JsonObject users = a.nextUsers();
            assertEquals(2, users.get("active").getAsInt(), "both URLs name one session: " + users);
        }
    }

    @Test
    void noTickWhileMessagesKeepTheSessionBusy() {
        try (TestClient a = TestClient.connect(server, "busy")) {
            a.join("a", 300, 0);
            a.next("SYNC");
            a.nextUsers();
            long until = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < until) {
                a.sendMessage("busy");
                sleep(50);
            }
            List<String> during = a.drain(100);
            assertTrue(during.stream().noneMatch(f -> f.contains("\"TICK\"")),
                    "a TICK arrived although a message came every 50 ms (tick 300 ms)");
            a.sendMessage("last");
            long lastMessage = a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("last")).get(0).getAsLong();
            assertTrue(a.next("TICK").get("args").getAsLong() >= lastMessage, "ticks resume in the silence");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void pingIsAnsweredWithPongWithoutId() {
        try (TestClient a = TestClient.connect(server, "ping")) {
            a.send("{\"action\":\"PING\",\"args\":12345}");
            JsonObject pong = a.next("PONG");
            assertEquals(12345, pong.get("args").getAsLong());
            assertFalse(pong.has("id"));
        }
    }

    /**
     * PONG echoes the PING's args as they were, or none when there were none; under the session's
     * {@code rawtime} flag an object arg also gets {@code rawTime}, the same unscaled session clock that
     * fills the last slot of every RECV.
     */
    @Test
    void pongEchoesTheArgsAndUnderRawtimeAddsTheRawSessionTime() {
        try (TestClient a = TestClient.connect(server, "pong-rawtime")) {
            a.send("{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"none\",\"user\":\"a\","
                    + "\"ticks\":{\"tick\":60000},\"flags\":{\"rawtime\":true}}}");
            a.next("SYNC");
            long before = lastSlot(a.nextRecv(p -> p.isJsonObject()));
            String sent = "{\"sent\":1717171717171,\"nested\":{\"list\":[1,\"two\",null,1.5e300]}}";
            a.send("{\"action\":\"PING\",\"args\":" + sent + "}");
            JsonObject pong = a.next("PONG");
            assertFalse(pong.has("id"), pong.toString());
            JsonObject echoed = pong.getAsJsonObject("args");
            assertTrue(echoed.has("rawTime"), "no rawTime under the rawtime flag: " + pong);
            long rawTime = echoed.remove("rawTime").getAsLong();
            assertEquals(JsonParser.parseString(sent), echoed, "the args come back as sent");
            a.sendMessage("after-ping");
            long after = lastSlot(a.nextRecv(p -> p.isJsonPrimitive()));
            assertTrue(before <= rawTime && rawTime <= after, before + " <= " + rawTime + " <= " + after);
            a.send("{\"action\":\"PING\",\"args\":1717171717171}");
            assertEquals(1717171717171L, a.next("PONG").get("args").getAsLong(), "a number stays a number");
        }
    }

    @Test
    void pongWithoutRawtimeAddsNothingAndAnswersNoArgsWithNoArgs() {
        try (TestClient a = TestClient.joined(server, "pong-plain", "a")) {
            a.send("{\"action\":\"PING\",\"args\":{\"sent\":5}}");
            assertEquals(JsonParser.parseString("{\"sent\":5}"), a.next("PONG").get("args"));
            a.send("{\"action\":\"PING\"}");
            JsonObject pong = a.next("PONG");
            assertEquals(JsonParser.parseString("{\"action\":\"PONG\"}"), pong,
                    "Croquet echoes undefined args as none");
        }
    }

    private static long lastSlot(JsonArray message) {
        return message.get(message.size() - 1).getAsLong();
    }
}
