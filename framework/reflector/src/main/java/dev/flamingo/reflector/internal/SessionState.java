package dev.flamingo.reflector.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayDeque;

/**
 * Everything a session needs to resume after a restart (Croquet's {@code latest.json}, kept current):
 * timeline, clock, sequence, snapshot pointer and files, the messages since the snapshot, tove, the location flag,
 * settings and the completed-tally history. Owned by the session's executor.
 */
final class SessionState {
    static final int INITIAL_SEQ = 0xFFFFFFF0;
    static final int TALLY_HISTORY = 20;

    String id;
    String timeline;
    String tove;
    String name;
    String appId;
    String persistentId;
    String url;
    /** From the first JOIN: announce users with the location their load balancer reported. */
    boolean location;
    long time;
    /** Highest time clients may have seen in a TICK or SYNC; a resumed clock starts at or after it. */
    long timeLease;
    int seq = INITIAL_SEQ;
    double scale = 1;
    double tickMs = JoinRequest.DEFAULT_TICK_MS;
    double delayMs;
    long leaveDelayMs;
    long snapshotTime = -1;
    Integer snapshotSeq;
    String snapshotUrl = "";
    /**
     * Relative /files paths of this session's accepted snapshots that may still exist, oldest first; the
     * newest few are kept, older ones pruned ({@link SnapshotPruner}).
     */
    final ArrayDeque<String> snapshotFiles = new ArrayDeque<>();
    String persistentUrl;
    JsonObject flags = new JsonObject();
    final ArrayDeque<String> completedTallies = new ArrayDeque<>();
    /** The users the clients' VMs last heard of as present (from the last users message). */
    JsonArray activeUsers = new JsonArray();
    final RetainedMessages messages = new RetainedMessages();

    /** Remembers a finished tally key, keeping only the newest {@value #TALLY_HISTORY}. */
    void completeTally(String key) {
        completedTallies.addLast(key);
        while (completedTallies.size() > TALLY_HISTORY) {
            completedTallies.removeFirst();
        }
    }

    /** The settings that change after creation, as one journal record. */
    String settingsJson() {
        JsonObject o = new JsonObject();
        o.addProperty("scale", scale);
        o.addProperty("tick", tickMs);
        o.addProperty("delay", delayMs);
        o.addProperty("leaveDelay", leaveDelayMs);
        o.addProperty("url", url);
        o.addProperty("persistentUrl", persistentUrl);
        o.add("flags", flags);
        return o.toString();
    }

    void applySettings(JsonObject o) {
        scale = o.get("scale").getAsDouble();
        tickMs = o.get("tick").getAsDouble();
        delayMs = o.get("delay").getAsDouble();
        leaveDelayMs = o.get("leaveDelay").getAsLong();
        url = stringOrNull(o.get("url"));
        persistentUrl = stringOrNull(o.get("persistentUrl"));
        flags = o.getAsJsonObject("flags");
    }

    /** The whole state as one JSON document; messages are spliced in as stored, without re-encoding. */
    String toJson() {
        JsonObject o = JsonParser.parseString(settingsJson()).getAsJsonObject();
        o.addProperty("format", 1);
        o.addProperty("id", id);
        o.addProperty("timeline", timeline);
        o.addProperty("tove", tove);
        o.addProperty("name", name);
        o.addProperty("appId", appId);
        o.addProperty("persistentId", persistentId);
        o.addProperty("location", location);
        o.addProperty("time", time);
        o.addProperty("timeLease", timeLease);
        o.addProperty("seq", Integer.toUnsignedLong(seq));
        o.addProperty("snapshotTime", snapshotTime);
        o.addProperty("snapshotSeq", snapshotSeq == null ? null : Integer.toUnsignedLong(snapshotSeq));
        o.addProperty("snapshotUrl", snapshotUrl);
        JsonArray files = new JsonArray();
        snapshotFiles.forEach(files::add);
        o.add("snapshotFiles", files);
        JsonArray tallies = new JsonArray();
        completedTallies.forEach(tallies::add);
        o.add("completedTallies", tallies);
        o.add("activeUsers", activeUsers);
        String head = o.toString();
        StringBuilder out = new StringBuilder(head.length() + messages.size() * 64 + 16);
        out.append(head, 0, head.length() - 1).append(",\"messages\":[");
        messages.appendTo(out);
        return out.append("]}").toString();
    }

    static SessionState fromJson(String text) {
        JsonObject o = JsonParser.parseString(text).getAsJsonObject();
        SessionState s = new SessionState();
        s.applySettings(o);
        s.id = o.get("id").getAsString();
        s.timeline = o.get("timeline").getAsString();
        s.tove = stringOrNull(o.get("tove"));
        s.name = stringOrNull(o.get("name"));
        s.appId = stringOrNull(o.get("appId"));
        s.persistentId = stringOrNull(o.get("persistentId"));
        s.location = Json.truthy(o.get("location")); // absent in states written before it was kept
        s.time = o.get("time").getAsLong();
        s.timeLease = o.get("timeLease").getAsLong();
        s.seq = (int) o.get("seq").getAsLong();
        s.snapshotTime = o.get("snapshotTime").getAsLong();
        JsonElement snapSeq = o.get("snapshotSeq");
        s.snapshotSeq = snapSeq == null || snapSeq.isJsonNull() ? null : (int) snapSeq.getAsLong();
        s.snapshotUrl = o.get("snapshotUrl").getAsString();
        JsonArray files = o.getAsJsonArray("snapshotFiles"); // absent in states written before pruning
        if (files != null) {
            files.forEach(f -> s.snapshotFiles.add(f.getAsString()));
        }
        o.getAsJsonArray("completedTallies").forEach(k -> s.completedTallies.add(k.getAsString()));
        JsonElement users = o.get("activeUsers");
        s.activeUsers = users == null ? new JsonArray() : users.getAsJsonArray();
        for (JsonElement m : o.getAsJsonArray("messages")) {
            s.addMessage(m.toString());
        }
        return s;
    }

    /** Re-adds a journalled message, moving seq and time forward to it. */
    void addMessage(String json) {
        JsonArray array = JsonParser.parseString(json).getAsJsonArray();
        long t = array.get(0).getAsLong();
        int q = (int) array.get(1).getAsLong();
        messages.add(q, json);
        seq = q;
        time = Math.max(time, t);
    }

    private static String stringOrNull(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
