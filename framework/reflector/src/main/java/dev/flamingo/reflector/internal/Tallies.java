package dev.flamingo.reflector.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * TUTTI vote collection: identical payload strings are counted per {@code tuttiKey} for up to 1 s or
 * until every client voted; the tally is relayed when a vote was wanted or the payloads differ. Unlike
 * Croquet, each socket counts once per key, so one client cannot stuff the ballot. Owned by the
 * session's executor.
 */
final class Tallies {
    private final Session session;
    private final Map<String, Tally> open = new HashMap<>();

    Tallies(Session session) {
        this.session = session;
    }

    /** {@code [sendTime, tuttiSeq, payload, firstMsg|null, wantsVote, tallyTarget, tuttiKey]}. */
    void vote(Connection conn, JsonElement args) throws ProtocolException {
        JsonArray a = Json.arrayOrNull(args);
        if (a == null || a.size() < 3 || a.size() > 16 || !Json.isNumber(a.get(0)) || !Json.isString(a.get(2))
                || a.get(2).getAsString().length() > 65_536) {
            throw Json.bad("TUTTI args must be [sendTime, seq, payloadString, firstMsg, wantsVote, target, key]");
        }
        JsonElement firstMsg = a.size() > 3 ? a.get(3) : null;
        JsonArray first = Json.absent(firstMsg) ? null : ClientMessages.validMessage(firstMsg);
        JsonElement key = a.size() > 6 ? a.get(6) : null;
        String tuttiKey = Json.isString(key) ? key.getAsString() : a.get(1) + ":" + a.get(0);
        if (tuttiKey.length() > 1024) {
            throw Json.bad("TUTTI key longer than 1024 chars");
        }
        Tally tally = open.get(tuttiKey);
        if (tally == null) {
            tally = start(a, tuttiKey, first);
            if (tally == null) {
                return;
            }
        }
        tally.count(conn, a.get(2).getAsString());
    }

    private Tally start(JsonArray a, String tuttiKey, JsonArray first) {
        double sendTime = a.get(0).getAsDouble();
        if (sendTime < session.now() - Session.MAX_TALLY_AGE_MS || session.st.completedTallies.contains(tuttiKey)) {
            return null;
        }
        if (first != null) {
            session.submit(List.of(Submission.of(first)));
        }
        JsonElement target = a.size() > 5 ? a.get(5) : null;
        Tally tally = new Tally(tuttiKey, a.get(0), Json.truthy(a.size() > 4 ? a.get(4) : null),
                target == null ? null : target.deepCopy(), Json.isString(a.size() > 6 ? a.get(6) : null));
        open.put(tuttiKey, tally);
        return tally;
    }

    private final class Tally {
        final String key;
        final JsonElement sendTime;
        final boolean wantsVote;
        final JsonElement target;
        final boolean keyed;
        final Map<String, Integer> payloads = new LinkedHashMap<>();
        final Set<Connection> voters = new HashSet<>();
        final ScheduledFuture<?> timer;
        int expecting;

        Tally(String key, JsonElement sendTime, boolean wantsVote, JsonElement target, boolean keyed) {
            this.key = key;
            this.sendTime = sendTime;
            this.wantsVote = wantsVote;
            this.target = target;
            this.keyed = keyed;
            this.expecting = session.clientCount();
            this.timer = session.executor.schedule(() -> session.guarded(null, this::complete),
                    Session.TALLY_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }

        void count(Connection conn, String payload) {
            if (!voters.add(conn)) {
                return;
            }
            payloads.merge(payload, 1, Integer::sum);
            if (--expecting <= 0) {
                complete();
            }
        }

        void complete() {
            if (open.remove(key) != this) {
                return;
            }
            timer.cancel(false);
            session.st.completeTally(key);
            session.journal().tally(key);
            if (wantsVote || payloads.size() > 1) {
                session.submitReflectorMessage(message());
            }
        }

        private JsonObject message() {
            JsonObject tally = new JsonObject();
            payloads.forEach(tally::addProperty);
            JsonObject m = new JsonObject();
            m.addProperty("what", "tally");
            m.add("sendTime", sendTime);
            m.add("tally", tally);
            m.add("tallyTarget", target);
            if (keyed) {
                m.addProperty("tuttiKey", key);
            }
            m.addProperty("missingClients", Math.max(0, expecting));
            return m;
        }
    }
}
