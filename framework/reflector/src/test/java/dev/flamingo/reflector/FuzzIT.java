package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Throws a bounded stream of random and mutated frames (seeded, so a failure replays) at one session
 * while another session carries on; nothing may reach the catch-all handler (4109) and the calm session
 * must relay every message in order.
 */
class FuzzIT {
    private static final long SEED = 20261122L;
    private static final int FRAMES = 3000;
    private static final List<String> VALID = List.of(
        "{\"action\":\"JOIN\",\"args\":{\"name\":\"a/b\",\"apiKey\":\"none\",\"appId\":\"a\",\"persistentId\":\"p\","
            + "\"version\":1,\"user\":{\"id\":\"v1\",\"data\":\"x\"},\"ticks\":{\"tick\":50,\"delay\":10},"
            + "\"leaveDelay\":100,\"flags\":{\"rawtime\":true},\"tove\":\"t\"}}",
        "{\"action\":\"SEND\",\"args\":[1,2,\"payload\",3]}",
        "{\"action\":\"SEND\",\"args\":[1,2,\"p\",3],\"tags\":{\"debounce\":10,\"msgID\":\"x\"}}",
        "{\"action\":\"TUTTI\",\"args\":[100,0,\"{\\\"h\\\":1}\",[0,0,\"first\"],true,[\"t\"],\"snapshot@100\"]}",
        "{\"action\":\"SNAP\",\"args\":{\"time\":5,\"seq\":4294967290,\"hash\":\"h\",\"url\":\"http://h/files/x\"}}",
        "{\"action\":\"SAVE\",\"args\":{\"persistTime\":1,\"url\":\"http://h/files/y\"}}",
        "{\"action\":\"TICKS\",\"args\":{\"tick\":20,\"delay\":5,\"scale\":2}}",
        "{\"action\":\"PING\",\"args\":{\"t\":1}}",
        "{\"action\":\"PULSE\"}",
        "{\"action\":\"LOG\",\"args\":[\"x\",{\"y\":1}]}");
    private static final String ALPHABET = "{}[]\",:0123456789.-eEtruefalsn \\u\uD83D\uDE00actionargsJOINSEND";

    @Test
    void randomFramesInOneSessionNeverDisturbAnother() throws Exception {
        try (ReflectorServer server = ReflectorServer.builder().port(0).maxMessagesPerSecond(100_000)
                .build().start();
             TestClient a = TestClient.joined(server, "calm", "a");
             TestClient b = TestClient.joined(server, "calm", "b")) {
            Thread fuzzer = new Thread(() -> fuzz(server), "fuzzer");
            fuzzer.start();
            for (int i = 0; i < 200; i++) {
                a.sendMessage("m" + i);
            }
            assertInOrder(b, 200);
            fuzzer.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!fuzzer.isAlive(), "fuzzer finished");
            assertEquals(0, countOf(server, "handler_error"), server.metricsText());
            assertEquals(200, Http.get(server.httpUri().resolve("healthz")).statusCode());
            try (TestClient late = TestClient.connect(server, "chaos")) {
                late.join("late", 200, 0);
                late.next("SYNC");
            }
        }
    }

    private static void assertInOrder(TestClient client, int count) {
        int next = 0;
        while (next < count) {
            JsonArray args = client.next("RECV").getAsJsonArray("args");
            if (args.get(2).isJsonPrimitive()) {
                assertEquals("m" + next, args.get(2).getAsString());
                next++;
            }
        }
    }

    private static long countOf(ReflectorServer server, String reason) {
        for (String line : server.metricsText().split("\n")) {
            if (line.startsWith("flamingo_rejected_total{reason=\"" + reason + "\"}")) {
                return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private static void fuzz(ReflectorServer server) {
        Random random = new Random(SEED);
        TestClient c = TestClient.connect(server, "chaos");
        for (int i = 0; i < FRAMES; i++) {
            if (c.closed.isDone()) {
                c.close();
                c = TestClient.connect(server, "chaos");
                if (random.nextBoolean()) {
                    c.socket.sendText(VALID.get(0), true).exceptionally(t -> null);
                }
            }
            c.socket.sendText(frame(random), true).exceptionally(t -> null).join();
            c.frames.clear();
        }
        c.close();
    }

    private static String frame(Random random) {
        String base = VALID.get(random.nextInt(VALID.size()));
        switch (random.nextInt(5)) {
            case 0:
                return base;
            case 1:
                return base.substring(0, random.nextInt(base.length()));
            case 2:
                return randomText(random, 1 + random.nextInt(200));
            default:
                StringBuilder s = new StringBuilder(base);
                for (int k = 1 + random.nextInt(4); k > 0 && s.length() > 0; k--) {
                    int at = random.nextInt(s.length());
                    char ch = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                    switch (random.nextInt(3)) {
                        case 0 -> s.setCharAt(at, ch);
                        case 1 -> s.insert(at, ch);
                        default -> s.deleteCharAt(at);
                    }
                }
                return s.toString();
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
