package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The x-location header in users messages: only for sessions created with JOIN location, never when malformed. */
class LocationIT {
    private static final String ASHBURN = "us-east1,Ashburn,39.0438,-77.4874";
    private static final JsonElement ASHBURN_JSON = JsonParser.parseString(
            "{\"region\":\"us-east1\",\"city\":{\"name\":\"Ashburn\",\"lat\":39.0438,\"lng\":-77.4874}}");

    static ReflectorServer server;

    @TempDir
    Path data;

    @BeforeAll
    static void start() {
        server = ReflectorServer.builder().port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void locationOnWithHeaderAddsItToArrayAndObjectUsers() {
        try (TestClient a = TestClient.connect(server, "loc-on", "x-location", ASHBURN)) {
            join(a, "[\"a\"]", true);
            assertEquals(json("[\"a\"," + ASHBURN_JSON + "]"), joinedEntry(a, "a"));
            try (TestClient b = TestClient.connect(server, "loc-on", "x-location", "europe-west1,,,")) {
                join(b, "{\"id\":\"b\",\"data\":\"sealed\"}", true);
                assertEquals(json("{\"id\":\"b\",\"data\":\"sealed\",\"location\":{\"region\":\"europe-west1\"}}"),
                        joinedEntry(a, "b"));
            }
            JsonObject users = a.nextUsers();
            assertEquals(json("{\"id\":\"b\",\"data\":\"sealed\",\"location\":{\"region\":\"europe-west1\"}}"),
                    users.getAsJsonArray("left").get(0), "a leave carries the location too");
        }
    }

    @Test
    void locationOnWithoutHeaderLeavesUsersAsJoined() {
        try (TestClient a = TestClient.connect(server, "loc-no-header")) {
            join(a, "[\"a\"]", true);
            assertEquals(json("[\"a\"]"), joinedEntry(a, "a"));
            try (TestClient b = TestClient.connect(server, "loc-no-header")) {
                join(b, "{\"id\":\"b\",\"data\":\"sealed\"}", true);
                assertEquals(json("{\"id\":\"b\",\"data\":\"sealed\"}"), joinedEntry(a, "b"));
            }
        }
    }

    @Test
    void locationOffNeverLeaksTheHeaderEvenIfALaterJoinAsks() {
        try (TestClient a = TestClient.connect(server, "loc-off", "x-location", ASHBURN)) {
            join(a, "[\"a\"]", false);
            assertEquals(json("[\"a\"]"), joinedEntry(a, "a"));
            try (TestClient b = TestClient.connect(server, "loc-off", "x-location", ASHBURN)) {
                join(b, "{\"id\":\"b\",\"data\":\"sealed\"}", true);
                assertEquals(json("{\"id\":\"b\",\"data\":\"sealed\"}"), joinedEntry(a, "b"),
                        "the first JOIN decides, as in Croquet");
            }
        }
    }

    @Test
    void malformedHeaderMeansNoLocationAndTheSessionCarriesOn() {
        List<String> bad = List.of("x".repeat(300), "us,Ashburn,abc,1", "us,Ashburn,NaN,1", "us,Ashburn,91,0",
                "us,Ashburn,1,181", "us,Ashburn,1", "us,Ashburn,1,2,3", "us,Ashburn,0x10,1", "us,Ashburn,1e1,1",
                ",Ashburn,1,2", "", " , ");
        try (TestClient a = TestClient.connect(server, "loc-bad", "x-location", ASHBURN)) {
            join(a, "[\"a\"]", true);
            joinedEntry(a, "a");
            for (int i = 0; i < bad.size(); i++) {
                try (TestClient b = TestClient.connect(server, "loc-bad", "x-location", bad.get(i))) {
                    join(b, "[\"b" + i + "\"]", true);
                    b.next("SYNC");
                    assertEquals(json("[\"b" + i + "\"]"), joinedEntry(a, "b" + i), "header: " + bad.get(i));
                }
            }
            a.sendMessage("still-here");
            a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("still-here"));
        }
        assertEquals(0, rejected(server, "handler_error"));
    }

    @Test
    void theLocationFlagSurvivesARestart() {
        try (ReflectorServer first = ReflectorServer.builder().port(0).dataDir(data).build().start();
             TestClient a = TestClient.connect(first, "loc-durable")) {
            join(a, "[\"a\"]", true);
            joinedEntry(a, "a");
        }
        try (ReflectorServer second = ReflectorServer.builder().port(0).dataDir(data).build().start();
             TestClient b = TestClient.connect(second, "loc-durable", "x-location", ASHBURN)) {
            join(b, "[\"b\"]", false);
            assertEquals(json("[\"b\"," + ASHBURN_JSON + "]"), joinedEntry(b, "b"));
        }
    }

    private static void join(TestClient c, String user, boolean location) {
        c.send("{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"k\",\"user\":" + user
                + ",\"location\":" + location + ",\"ticks\":{\"tick\":1000}}}");
    }

    /** The joined entry for {@code viewId} in the next users message announcing it. */
    private static JsonElement joinedEntry(TestClient c, String viewId) {
        while (true) {
            JsonObject users = c.nextUsers();
            if (users.has("joined")) {
                for (JsonElement user : users.getAsJsonArray("joined")) {
                    JsonElement id = user.isJsonArray() ? user.getAsJsonArray().get(0) : user.getAsJsonObject().get("id");
                    if (id.getAsString().equals(viewId)) {
                        return user;
                    }
                }
            }
        }
    }

    private static long rejected(ReflectorServer s, String reason) {
        String prefix = "flamingo_rejected_total{reason=\"" + reason + "\"} ";
        return s.metricsText().lines().filter(l -> l.startsWith(prefix))
                .mapToLong(l -> Long.parseLong(l.substring(prefix.length()))).sum();
    }

    private static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }
}
