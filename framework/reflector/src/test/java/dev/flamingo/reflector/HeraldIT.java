package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** heraldUrl: users changes POSTed only to operator-allowed URLs; refusals and failures reported by INFO. */
class HeraldIT {
    private HttpServer hook;
    private final LinkedBlockingQueue<JsonObject> posts = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    private String base;

    @BeforeEach
    void startHook() throws IOException {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if ("POST".equals(exchange.getRequestMethod())
                        && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    posts.add(JsonParser.parseString(body).getAsJsonObject());
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hook.start();
        base = "http://127.0.0.1:" + hook.getAddress().getPort() + "/";
    }

    @AfterEach
    void stopHook() {
        hook.stop(0);
    }

    @Test
    void joinsAndLeavesArePostedToAnAllowedHeraldUrl() throws Exception {
        try (ReflectorServer server = ReflectorServer.builder().port(0).heraldAllow(List.of(base)).build().start();
             TestClient a = joinWithHerald(server, "herald", "a", base + "users/herald")) {
            JsonObject first = posts.poll(5, TimeUnit.SECONDS);
            assertEquals("herald", first.get("id").getAsString());
            assertEquals("[\"a\"]", first.get("joined").toString());
            assertEquals("[\"a\"]", first.get("all").toString());
            assertEquals("[]", first.get("left").toString());
            assertTrue(Math.abs(first.get("time").getAsLong() - System.currentTimeMillis()) < 60_000);

            TestClient b = joinWithHerald(server, "herald", "b", base + "users/herald");
            assertEquals("[\"b\"]", posts.poll(5, TimeUnit.SECONDS).get("joined").toString());
            b.close();
            JsonObject gone = posts.poll(5, TimeUnit.SECONDS);
            assertEquals("[\"b\"]", gone.get("left").toString());
            assertEquals("[\"a\"]", gone.get("all").toString());
        }
    }

    @Test
    void aUrlOutsideTheAllowedPrefixesIsNeverFetched() throws Exception {
        try (ReflectorServer server = ReflectorServer.builder().port(0).heraldAllow(List.of(base + "hooks/"))
                .build().start();
             TestClient a = joinWithHerald(server, "refused", "a", base + "internal/admin")) {
            JsonObject info = a.next("INFO");
            assertEquals("HERALDING_FAILED", info.getAsJsonObject("args").get("code").getAsString());
            a.nextUsers();
            assertNull(posts.poll(500, TimeUnit.MILLISECONDS), "the refused URL was fetched");
        }
    }

    @Test
    void heraldingIsOffUnlessTheOperatorAllowsIt() throws Exception {
        try (ReflectorServer server = ReflectorServer.builder().port(0).build().start();
             TestClient a = joinWithHerald(server, "off", "a", base)) {
            assertTrue(a.next("INFO").toString().contains("heralding is off"));
            assertNull(posts.poll(500, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aFailingHeraldIsReportedToTheSessionsClients() throws Exception {
        status = 500;
        try (ReflectorServer server = ReflectorServer.builder().port(0).heraldAllow(List.of(base)).build().start();
             TestClient a = joinWithHerald(server, "failing", "a", base + "x")) {
            JsonObject info = a.next("INFO");
            assertEquals("HERALDING_FAILED", info.getAsJsonObject("args").get("code").getAsString());
            assertTrue(info.toString().contains("HTTP 500"), info.toString());
            a.sendMessage("still relayed");
            a.nextRecv(p -> p.isJsonPrimitive() && p.getAsString().equals("still relayed"));
        }
    }

    @Test
    void aMalformedHeraldUrlIsABadJoinAndABadPrefixABadSetting() {
        try (ReflectorServer server = ReflectorServer.builder().port(0).heraldAllow(List.of(base)).build().start();
             TestClient a = TestClient.connect(server, "malformed")) {
            a.send(join("a", "javascript:alert(1)"));
            assertEquals(4100, a.closed.orTimeout(5, TimeUnit.SECONDS).join());
        }
        assertThrows(IllegalArgumentException.class,
                () -> ReflectorServer.builder().heraldAllow(List.of("https://a.example")).build());
    }

    private static TestClient joinWithHerald(ReflectorServer server, String session, String viewId, String url) {
        TestClient c = TestClient.connect(server, session);
        c.send(join(viewId, url));
        c.next("SYNC");
        return c;
    }

    private static String join(String viewId, String heraldUrl) {
        return "{\"id\":\"x\",\"action\":\"JOIN\",\"args\":{\"name\":\"app/test\",\"apiKey\":\"none\","
                + "\"appId\":\"app\",\"persistentId\":\"p1\",\"version\":1,\"user\":\"" + viewId + "\","
                + "\"ticks\":{\"tick\":200,\"delay\":0},\"tove\":\"tove-1\",\"heraldUrl\":\"" + heraldUrl + "\"}}";
    }
}
