package dev.flamingo.reflector;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A raw protocol client on the JDK WebSocket for integration tests; frames are queued as received. */
final class TestClient implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    private final StringBuilder chunks = new StringBuilder();
    /** Number of _CHUNK pieces received (for chunking tests). */
    volatile int chunkCount;

    private TestClient(URI uri, String... headers) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        socket = builder.buildAsync(uri, new Listener()).join();
    }

    static TestClient connect(ReflectorServer server, String sessionId) {
        return new TestClient(URI.create(server.websocketUri() + "/" + sessionId));
    }

    /** Connects with extra upgrade request headers, given as name, value, name, value... */
    static TestClient connect(ReflectorServer server, String sessionId, String... headers) {
        return new TestClient(URI.create(server.websocketUri() + "/" + sessionId), headers);
    }

    static TestClient connect(URI uri) {
        return new TestClient(uri);
    }

    /** Connects and joins with a standard Croquet-like JOIN; returns after SYNC arrived. */
    static TestClient joined(ReflectorServer server, String sessionId, String viewId) {
        TestClient c = connect(server, sessionId);
        c.join(viewId, 200, 0);
        c.next("SYNC");
        return c;
    }

    void join(String viewId, double tick, double delay) {
        join(viewId, tick, delay, 0);
    }

    void join(String viewId, double tick, double delay, long leaveDelay) {
        send("{\"id\":\"x\",\"action\":\"JOIN\",\"args\":{\"name\":\"app/test\",\"apiKey\":\"none\","
                + "\"appId\":\"app\",\"persistentId\":\"p1\",\"version\":1,\"user\":\"" + viewId + "\","
                + "\"ticks\":{\"tick\":" + tick + ",\"delay\":" + delay + "},\"tove\":\"tove-1\","
                + "\"leaveDelay\":" + leaveDelay + ",\"url\":\"http://localhost/\"}}");
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendMessage(String payload) {
        send("{\"id\":\"x\",\"action\":\"SEND\",\"args\":[0,0,\"" + payload + "\",7]}");
    }

    /** The next frame with this action (others before it are discarded), parsed. */
    JsonObject next(String action) {
        return next(action, 5000);
    }

    JsonObject next(String action, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            String text = poll(deadline);
            if (text == null) {
                throw new AssertionError("no " + action + " within " + timeoutMs + " ms");
            }
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            if (o.get("action").getAsString().equals(action)) {
                return o;
            }
        }
    }

    /** The next RECV whose payload satisfies the predicate. */
    JsonArray nextRecv(Predicate<JsonElement> payload) {
        while (true) {
            JsonArray args = next("RECV").getAsJsonArray("args");
            if (payload.test(args.get(2))) {
                return args;
            }
        }
    }

    /** The next RECV carrying a users message. */
    JsonObject nextUsers() {
        return nextRecv(p -> p.isJsonObject() && p.getAsJsonObject().get("what").getAsString().equals("users"))
                .get(2).getAsJsonObject();
    }

    /** Frames received within {@code ms}, without waiting for more. */
    List<String> drain(long ms) {
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        String s;
        while ((s = poll(deadline)) != null) {
            out.add(s);
        }
        return out;
    }

    private String poll(long deadlineNanos) {
        try {
            return frames.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The close code the server sent, waiting up to 5 s. */
    int closeCode() {
        try {
            return closed.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket not closed by the server within 5 s", e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(1000, "bye").exceptionally(t -> null);
        }
        socket.abort();
    }

    /** Reassembles Croquet's {@code _CHUNK<first><last>} pieces like the client library does. */
    private void deliver(String text) {
        if (!text.startsWith("_CHUNK")) {
            frames.add(text);
            return;
        }
        chunkCount++;
        if (text.charAt(6) == '1') {
            chunks.setLength(0);
        }
        chunks.append(text, 8, text.length());
        if (text.charAt(7) == '1') {
            frames.add(chunks.toString());
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                deliver(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }
}
