package dev.flamingo.client.internal.net;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debug mode {@code offline}: a one-user reflector inside the client (Croquet's {@code OfflineSocket}). It
 * answers JOIN with SYNC and a users message, stamps and echoes SEND, tallies a TUTTI at once, answers PING
 * and sends ticks into silence, all on its own single thread; nothing touches the network. Thread-safe.
 */
public final class OfflineReflector implements Transport {

    private static final long INITIAL_SEQ = 0xFFFFFFF0L;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flamingo-offline-reflector");
        t.setDaemon(true);
        return t;
    });
    private final long start = System.nanoTime();
    private final String timeline = Long.toString(System.nanoTime() & 0xFFFFFFFFFFL, 36);
    private Listener listener;
    private String sessionId;
    private long seq = INITIAL_SEQ;
    private long tickMs = 200;
    private ScheduledFuture<?> ticker;
    private boolean closed;

    @Override
    public void open(Listener listener) {
        this.listener = listener;
        thread.execute(listener::opened);
    }

    @Override
    public boolean send(String frame) {
        if (closed) {
            return false;
        }
        thread.execute(() -> handle(JsonParser.parseString(frame).getAsJsonObject()));
        return true;
    }

    @Override
    public void close(int code, String reason) {
        thread.execute(() -> {
            if (!closed) {
                closed = true;
                stopTicker();
                listener.closed(code, reason);
            }
            thread.shutdown();
        });
    }

    private void handle(JsonObject frame) {
        if (closed) {
            return;
        }
        JsonElement args = frame.get("args");
        switch (frame.get("action").getAsString()) {
            case "JOIN" -> join(frame.get("id").getAsString(), args.getAsJsonObject());
            case "SEND" -> reflect(args.getAsJsonArray().get(2), args.getAsJsonArray().get(3).getAsLong());
            case "TUTTI" -> tutti(args.getAsJsonArray());
            case "PING" -> deliver(pong(args));
            default -> {
                // PULSE, LOG, SNAP and SAVE need no answer from a reflector that never restarts.
            }
        }
    }

    private void join(String id, JsonObject join) {
        sessionId = id;
        if (join.has("ticks")) {
            tickMs = Math.max(1, Math.round(join.getAsJsonObject("ticks").get("tick").getAsDouble()));
        }
        JsonObject sync = new JsonObject();
        sync.addProperty("url", "");
        sync.add("messages", new JsonArray());
        sync.addProperty("time", now());
        sync.addProperty("seq", seq);
        sync.add("tove", join.get("tove"));
        sync.addProperty("reflector", "offline");
        sync.addProperty("timeline", timeline);
        deliver(frame("SYNC", sync));
        JsonObject users = new JsonObject();
        users.addProperty("what", "users");
        JsonArray joined = new JsonArray();
        joined.add(join.get("user"));
        users.add("joined", joined);
        users.addProperty("active", 1);
        users.addProperty("total", 1);
        reflect(users, 0);
    }

    private void tutti(JsonArray args) {
        if (!args.get(3).isJsonNull()) {
            JsonArray first = args.get(3).getAsJsonArray();
            reflect(first.get(2), 0);
        }
        if (args.get(4).getAsBoolean()) {
            JsonObject tally = new JsonObject();
            tally.addProperty("what", "tally");
            tally.add("sendTime", args.get(0));
            JsonObject votes = new JsonObject();
            votes.addProperty(args.get(2).getAsString(), 1);
            tally.add("tally", votes);
            tally.add("tallyTarget", args.get(5));
            tally.add("tuttiKey", args.get(6));
            tally.addProperty("missingClients", 0);
            reflect(tally, 0);
        }
    }

    private void reflect(JsonElement payload, long latency) {
        seq = (seq + 1) & 0xFFFFFFFFL;
        JsonArray message = new JsonArray();
        message.add(now());
        message.add(seq);
        message.add(payload);
        message.add(latency);
        deliver(frame("RECV", message));
        restartTicker();
    }

    private void restartTicker() {
        stopTicker();
        ticker = thread.scheduleWithFixedDelay(() -> deliver(frame("TICK", new com.google.gson.JsonPrimitive(now()))),
                tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    private void stopTicker() {
        if (ticker != null) {
            ticker.cancel(false);
        }
    }

    private static String pong(JsonElement args) {
        JsonObject pong = new JsonObject();
        pong.addProperty("action", "PONG");
        pong.add("args", args);
        return pong.toString();
    }

    private String frame(String action, JsonElement args) {
        JsonObject frame = new JsonObject();
        frame.addProperty("id", sessionId);
        frame.addProperty("action", action);
        frame.add("args", args);
        return frame.toString();
    }

    private void deliver(String frame) {
        if (!closed) {
            listener.received(frame);
        }
    }

    private long now() {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
