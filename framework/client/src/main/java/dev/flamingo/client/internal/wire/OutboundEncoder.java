package dev.flamingo.client.internal.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Builds client-to-reflector frames {@code {id, action, args, tags?}} for one session. Immutable; any thread.
 */
public final class OutboundEncoder {

    /** Protocol version sent in JOIN; the reflector closes with 4100 when it is missing. */
    public static final int PROTOCOL_VERSION = 1;

    private final String sessionId;

    /** Creates an encoder whose frames carry {@code sessionId} as their id. */
    public OutboundEncoder(String sessionId) {
        this.sessionId = sessionId;
    }

    /** JOIN with every field Croquet sends. */
    public String join(JoinArgs a) {
        JsonObject args = new JsonObject();
        args.addProperty("name", a.name());
        args.addProperty("apiKey", a.apiKey());
        args.addProperty("appId", a.appId());
        args.addProperty("url", "java:" + a.appId());
        args.addProperty("persistentId", a.persistentId());
        args.addProperty("sdk", a.sdk());
        args.addProperty("developerId", dev.flamingo.client.internal.ids.SessionIds.UNKNOWN_DEVELOPER);
        args.addProperty("version", PROTOCOL_VERSION);
        args.add("user", user(a));
        args.addProperty("location", false);
        JsonObject ticks = new JsonObject();
        ticks.addProperty("tick", a.tickMs());
        ticks.addProperty("delay", a.delayMs());
        args.add("ticks", ticks);
        args.addProperty("dormantDelay", a.dormantDelaySeconds());
        args.addProperty("tove", a.tove());
        args.addProperty("codeHash", a.codeHash());
        args.addProperty("leaveDelay", a.leaveDelayMs());
        return frame("JOIN", args, null);
    }

    private static JsonElement user(JoinArgs a) {
        if (a.sealedViewData() == null) {
            return new JsonPrimitive(a.viewId());
        }
        JsonObject user = new JsonObject();
        user.addProperty("id", a.viewId());
        user.addProperty("data", a.sealedViewData());
        return user;
    }

    /** SEND {@code [time, seq, sealed, latency]}; the reflector overwrites time and seq. */
    public String send(long time, String sealed, long latencyMs) {
        return frame("SEND", messageArgs(time, sealed, latencyMs), null);
    }

    /** A tagged SEND: the reflector drops it if one with {@code msgId} passed less than {@code debounceMs} ago. */
    public String sendTagged(long time, String sealed, String msgId, long debounceMs) {
        JsonObject tags = new JsonObject();
        tags.addProperty("debounce", debounceMs);
        tags.addProperty("msgID", msgId);
        return frame("SEND", messageArgs(time, sealed, 0), tags);
    }

    /** TUTTI {@code [sendTime, 0, payload, firstMsg|null, wantsVote, tallyTarget, tuttiKey]}. */
    public String tutti(long sendTime, String payload, String sealedFirstMessage, boolean wantsVote,
            String tallyTarget, String tuttiKey) {
        JsonArray args = new JsonArray();
        args.add(sendTime);
        args.add(0);
        args.add(payload);
        args.add(sealedFirstMessage == null ? JsonNull.INSTANCE : messageArgs(sendTime, sealedFirstMessage, 0));
        args.add(wantsVote);
        JsonArray target = new JsonArray();
        target.add(tallyTarget);
        args.add(target);
        args.add(tuttiKey);
        return frame("TUTTI", args, null);
    }

    /** SNAP: announces an uploaded snapshot; {@code dissident} is null for the consensus uploader. */
    public String snap(long time, long seq, String hash, String url, JsonElement dissident) {
        JsonObject args = new JsonObject();
        args.addProperty("time", time);
        args.addProperty("seq", seq);
        args.addProperty("hash", hash);
        args.addProperty("url", url);
        args.add("dissident", dissident == null ? JsonNull.INSTANCE : dissident);
        return frame("SNAP", args, null);
    }

    /** SAVE: announces persisted data for the persistentId. */
    public String save(long persistTime, String url, JsonElement dissident) {
        JsonObject args = new JsonObject();
        args.addProperty("persistTime", persistTime);
        args.addProperty("url", url);
        args.add("dissident", dissident == null ? JsonNull.INSTANCE : dissident);
        return frame("SAVE", args, null);
    }

    /** PING; the reflector answers PONG with the same argument. */
    public String ping(long nowMs) {
        return frame("PING", new JsonPrimitive(nowMs), null);
    }

    /** PULSE: a no-op that keeps the reflector from timing this client out. */
    public String pulse() {
        return frame("PULSE", null, null);
    }

    /** LOG: a line for the reflector's log (e.g. a view-count mismatch). */
    public String log(String text) {
        return frame("LOG", new JsonPrimitive(text), null);
    }

    private static JsonArray messageArgs(long time, String sealed, long latencyMs) {
        JsonArray args = new JsonArray();
        args.add(time);
        args.add(0);
        args.add(sealed);
        args.add(latencyMs);
        return args;
    }

    private String frame(String action, JsonElement args, JsonObject tags) {
        JsonObject frame = new JsonObject();
        frame.addProperty("id", sessionId);
        frame.addProperty("action", action);
        if (args != null) {
            frame.add("args", args);
        }
        if (tags != null) {
            frame.add("tags", tags);
        }
        return frame.toString();
    }
}
