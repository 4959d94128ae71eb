package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** users batching with leave grace and cancellation, TUTTI tallies, tagged-SEND debounce, NxM delay. */
class UsersAndTalliesIT {
    private static final long USERS_INTERVAL_MS = 200; // Croquet's users batch interval

    static ReflectorServer server;

    @BeforeAll
    static void start() {
        server = ReflectorServer.builder().port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void leaveIsAnnouncedOnlyAfterTheLeaveDelay() {
        try (TestClient a = TestClient.joined(server, "grace", "a")) {
            a.nextUsers();
            TestClient b = TestClient.connect(server, "grace");
            b.join("b", 200, 0, 600);
            b.next("SYNC");
            assertEquals(2, a.nextUsers().get("active").getAsInt());
            long closedAt = System.nanoTime();
            b.close();
            JsonObject users = a.nextUsers();
            long waitedMs = (System.nanoTime() - closedAt) / 1_000_000;
            assertEquals("b", users.getAsJsonArray("left").get(0).getAsString());
            assertEquals(1, users.get("active").getAsInt());
            assertTrue(waitedMs >= 550, "leave announced after " + waitedMs + " ms, before the 600 ms grace");
        }
    }

    @Test
    void rejoinWithinGraceShowsJoinedThenLeftForTheSameView() {
        try (TestClient a = TestClient.joined(server, "rejoin", "a")) {
            a.nextUsers();
            TestClient b1 = TestClient.connect(server, "rejoin");
            b1.join("b", 200, 0, 1000);
            b1.next("SYNC");
            a.nextUsers();
            b1.close();
            try (TestClient b2 = TestClient.connect(server, "rejoin")) {
                b2.join("b", 200, 0, 1000);
                b2.next("SYNC");
                JsonObject joined = a.nextUsers();
                assertEquals("b", joined.getAsJsonArray("joined").get(0).getAsString());
                assertEquals(3, joined.get("active").getAsInt(), "the old socket lingers during the grace");
                JsonObject left = a.nextUsers();
                assertEquals("b", left.getAsJsonArray("left").get(0).getAsString());
                assertEquals(2, left.get("active").getAsInt());
            }
        }
    }

    @Test
    void firstChangeAfterAQuietIntervalIsAnnouncedAtOnce() {
        try (TestClient a = TestClient.connect(server, "prompt")) {
            long joinedAt = System.nanoTime();
            a.join("a", 200, 0);
            a.next("SYNC");
            JsonObject users = a.nextUsers();
            long waitedMs = (System.nanoTime() - joinedAt) / 1_000_000;
            assertEquals("a", users.getAsJsonArray("joined").get(0).getAsString());
            assertTrue(waitedMs < USERS_INTERVAL_MS, "the joiner waited " + waitedMs + " ms for its own join");
        }
    }

    @Test
    void joinAndLeaveWithinOneBatchCancelOut() {
        try (TestClient a = TestClient.joined(server, "cancel", "a")) {
            a.nextUsers(); // a's join went out at once and opened a batch interval
            long intervalStart = System.nanoTime();
            TestClient b = TestClient.joined(server, "cancel", "b");
            b.close();
            long elapsedMs = (System.nanoTime() - intervalStart) / 1_000_000;
            assumeTrue(elapsedMs < USERS_INTERVAL_MS / 2, "b's join and leave took " + elapsedMs
                    + " ms, too long to be sure they fell into one batch");
            JsonObject users = a.nextUsers();
            assertFalse(users.has("joined") || users.has("left"), users.toString());
            assertEquals(1, users.get("active").getAsInt());
        }
    }

    @Test
    void tallyCountsEachSocketOnceAndRelaysFirstMessage() {
        try (TestClient a = TestClient.joined(server, "tally", "a");
             TestClient b = TestClient.joined(server, "tally", "b")) {
            a.nextUsers();
            long now = a.next("TICK").get("args").getAsLong();
            String key = "snapshot@" + now;
            String vote = "[" + now + ",0,\"%s\",%s,true,[\"handleSnapshotVote\"],\"" + key + "\"]";
            a.send("{\"action\":\"TUTTI\",\"args\":" + String.format(vote, "h1", "[0,0,\"first\"]") + "}");
            a.send("{\"action\":\"TUTTI\",\"args\":" + String.format(vote, "h1", "null") + "}");
            b.send("{\"action\":\"TUTTI\",\"args\":" + String.format(vote, "h2", "[0,0,\"first\"]") + "}");
            b.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("first"));
            JsonObject tally = b.nextRecv(p -> p.isJsonObject() && p.getAsJsonObject().get("what")
                    .getAsString().equals("tally")).get(2).getAsJsonObject();
            assertEquals(key, tally.get("tuttiKey").getAsString());
            assertEquals(1, tally.getAsJsonObject("tally").get("h1").getAsInt(), "duplicate vote counted once");
            assertEquals(1, tally.getAsJsonObject("tally").get("h2").getAsInt());
            assertEquals(0, tally.get("missingClients").getAsInt());
            assertEquals("handleSnapshotVote", tally.getAsJsonArray("tallyTarget").get(0).getAsString());
            a.send("{\"action\":\"TUTTI\",\"args\":" + String.format(vote, "h3", "null") + "}");
            assertTrue(a.drain(300).stream().noneMatch(f -> f.contains("\"h3\"")), "completed key is closed");
        }
    }

    @Test
    void identicalVotesWithoutWantsVoteProduceNoTallyButAMissingVoteTimesOut() {
        try (TestClient a = TestClient.joined(server, "novote", "a");
             TestClient b = TestClient.joined(server, "novote", "b")) {
            long now = a.next("TICK").get("args").getAsLong();
            String vote = "{\"action\":\"TUTTI\",\"args\":[" + now + ",0,\"same\",null,false,[\"t\"],\"k@" + now + "\"]}";
            a.send(vote);
            b.send(vote);
            assertTrue(a.drain(300).stream().noneMatch(f -> f.contains("\"tally\"")));
            String wanted = "{\"action\":\"TUTTI\",\"args\":[" + now + ",0,\"x\",null,true,[\"t\"],\"w@" + now + "\"]}";
            a.send(wanted);
            JsonObject tally = a.nextRecv(p -> p.isJsonObject() && p.getAsJsonObject().get("what")
                    .getAsString().equals("tally")).get(2).getAsJsonObject();
            assertEquals(1, tally.get("missingClients").getAsInt(), "b never voted; the 1 s window closed");
        }
    }

    /** Croquet's history: a vote older than 60 s opens no tally, and only the last 20 completed keys are closed. */
    @Test
    void staleVotesAreRefusedAndOnlyTwentyCompletedKeysAreRemembered() {
        try (TestClient a = TestClient.joined(server, "history", "a")) {
            a.nextUsers();
            long now = a.next("TICK").get("args").getAsLong();
            a.send(vote(now - 61_000, "stale", true));
            for (int k = 0; k <= 20; k++) {
                a.send(vote(now, "k" + k, false)); // the only client voted: complete at once, no tally
            }
            a.send(vote(now, "k20", true)); // still remembered: refused
            a.send(vote(now, "k0", true));  // the 21st key back: forgotten, so a new tally
            JsonObject tally = a.nextRecv(p -> p.isJsonObject() && p.getAsJsonObject().get("what")
                    .getAsString().equals("tally")).get(2).getAsJsonObject();
            assertEquals("k0@" + now, tally.get("tuttiKey").getAsString(), "neither the stale vote nor k20 made one");
        }
    }

    private static String vote(long sendTime, String topic, boolean wantsVote) {
        return "{\"action\":\"TUTTI\",\"args\":[" + sendTime + ",0,\"p\",null," + wantsVote + ",[\"t\"],\""
                + topic + "@" + sendTime + "\"]}";
    }

    @Test
    void taggedSendsAreDebounced() {
        try (TestClient a = TestClient.joined(server, "debounce", "a")) {
            String poll = "{\"action\":\"SEND\",\"args\":[0,0,\"poll\",0],\"tags\":{\"debounce\":5000,\"msgID\":\"pollForSnapshot\"}}";
            a.send(poll);
            a.send(poll);
            a.sendMessage("marker");
            a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("poll"));
            JsonArray next = a.nextRecv(p -> p.isJsonPrimitive());
            assertEquals("marker", next.get(2).getAsString(), "second poll within 5 s is dropped");
        }
    }

    @Test
    void delayedSendsWaitUntilLastTickPlusDelayAndShareOneTime() {
        try (TestClient a = TestClient.connect(server, "nxm")) {
            a.join("a", 100, 60);
            a.next("SYNC");
            long tick = a.next("TICK").get("args").getAsLong();
            a.sendMessage("d1");
            a.sendMessage("d2");
            JsonArray d1 = a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("d1"));
            JsonArray d2 = a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("d2"));
            assertTrue(d1.get(0).getAsLong() >= tick + 60, "held until lastTick + delay");
            assertEquals(d1.get(0).getAsLong(), d2.get(0).getAsLong());
            assertEquals(d1.get(1).getAsLong() + 1, d2.get(1).getAsLong());
        }
    }

    @Test
    void largeSyncIsChunkedOnCodePointBoundaries() {
        try (ReflectorServer small = ReflectorServer.builder().port(0).chunkChars(64).build().start();
             TestClient a = TestClient.joined(small, "chunks", "a")) {
            a.sendMessage("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00 emoji payload that is long enough to split");
            a.nextRecv(p -> p.isJsonPrimitive());
            try (TestClient b = TestClient.connect(small, "chunks")) {
                b.join("b", 200, 0);
                JsonObject sync = b.next("SYNC");
                assertTrue(b.chunkCount > 2);
                String payload = null;
                for (JsonElement m : sync.getAsJsonObject("args").getAsJsonArray("messages")) {
                    if (m.getAsJsonArray().get(2).isJsonPrimitive()) { // not the users message before it
                        payload = m.getAsJsonArray().get(2).getAsString();
                    }
                }
                assertTrue(payload.startsWith("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"));
                assertEquals(sync, JsonParser.parseString(sync.toString()));
            }
        }
    }
}
