package dev.flamingo.reflector.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SEND from a joined client: the args are checked ({@code [time, seq, payloadString, ...]}), tagged
 * sends are debounced by {@code msgID} on wall-clock time, and backlog pressure applies: from the REQU
 * threshold clients are asked for a snapshot more and more often, below a quarter of headroom INFO
 * SNAPSHOT_NEEDED is added, and at the cap client messages are refused. Owned by the session's executor.
 */
final class ClientMessages {
    private final Session session;
    private final SessionServices services;
    private Map<String, Long> tagRecords;
    private int nextRequAt;

    ClientMessages(Session session, SessionServices services) {
        this.session = session;
        this.services = services;
        this.nextRequAt = services.config().requThreshold();
    }

    void send(Connection conn, Frame frame) throws ProtocolException {
        Submission message = frame.message();
        if (session.st.messages.size() >= services.config().maxRetainedMessages()) {
            services.metrics().reject("backlog_full");
            requestSnapshot();
            session.send(conn, info(session.id, "SNAPSHOT_NEEDED",
                    "message backlog full: messages are dropped until a snapshot"));
            return;
        }
        JsonObject tags = frame.tags();
        if (tags != null && debounced(tags)) {
            return;
        }
        session.submit(List.of(message));
        backlogPressure();
    }

    /** {@code [time, seq, payload, ...extra]} with a string payload: objects are reserved for the reflector. */
    static JsonArray validMessage(JsonElement args) throws ProtocolException {
        JsonArray a = Json.arrayOrNull(args);
        if (a == null || a.size() < 3 || a.size() > 16 || !Json.isString(a.get(2))) {
            throw Json.bad("SEND args must be [time, seq, payloadString, ...]");
        }
        return a;
    }

    /** Croquet's tag debounce: drop a message whose msgID was reflected less than debounce ms ago. */
    private boolean debounced(JsonObject tags) {
        JsonElement debounce = tags.get("debounce");
        JsonElement msgId = tags.get("msgID");
        if (!Json.isNumber(debounce) || !Json.isString(msgId)) {
            return false;
        }
        if (tagRecords == null) {
            tagRecords = new HashMap<>();
        }
        long now = System.nanoTime() / 1_000_000;
        Long last = tagRecords.get(msgId.getAsString());
        if (last != null && now - last <= debounce.getAsDouble()) {
            services.metrics().reject("debounced");
            return true;
        }
        if (last != null || tagRecords.size() < 256) {
            tagRecords.put(msgId.getAsString(), now);
        }
        return false;
    }

    private void backlogPressure() {
        int size = session.st.messages.size();
        int max = services.config().maxRetainedMessages();
        if (size < nextRequAt) {
            return;
        }
        int headroom = max - size;
        nextRequAt = size + Math.max(1, headroom / 8);
        requestSnapshot();
        if (headroom < max / 4) {
            String info = info(session.id, "SNAPSHOT_NEEDED", "the session needs a snapshot: " + size + " messages retained");
            session.clients().forEach(c -> session.send(c, info));
        }
    }

    /** An INFO frame, which Croquet clients show as a warning toast. */
    static String info(String sessionId, String code, String msg) {
        JsonObject args = new JsonObject();
        args.addProperty("code", code);
        args.addProperty("msg", msg);
        JsonObject options = new JsonObject();
        options.addProperty("level", "warning");
        args.add("options", options);
        return "{\"id\":\"" + sessionId + "\",\"action\":\"INFO\",\"args\":" + args + "}";
    }

    private void requestSnapshot() {
        String requ = "{\"id\":\"" + session.id + "\",\"action\":\"REQU\"}";
        session.clients().forEach(c -> session.send(c, requ));
    }

    /** A snapshot arrived: REQU starts again from the threshold. */
    void resetBacklog() {
        nextRequAt = services.config().requThreshold();
    }
}
