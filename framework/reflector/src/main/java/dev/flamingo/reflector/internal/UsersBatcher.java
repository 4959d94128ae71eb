package dev.flamingo.reflector.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Croquet's {@code users} messages: at most one sequenced {@code {what: "users", active, total, joined?,
 * left?}} per 200 ms, carrying the joins and leaves since the last one; a join and a leave of the same user
 * within one batch cancel out. The joining client waits for its own view in such a message, so one always
 * follows a SYNC. Owned by the session's executor.
 *
 * <p>Unlike Croquet, which always waits 200 ms after the first change, a change after a quiet interval goes
 * out at once: otherwise every join waits for the batch timer, which was most of a late join's time (a
 * 10 MB snapshot loads in under 100 ms). Changes that follow within the interval are batched as before.
 */
final class UsersBatcher {
    private final Session session;
    private final List<JsonElement> joined = new ArrayList<>();
    private final List<JsonElement> left = new ArrayList<>();
    private boolean scheduled;
    private long quietUntilNanos;

    UsersBatcher(Session session) {
        this.session = session;
    }

    /** A synced client becomes active; a pending leave of the same user cancels instead. */
    void joined(Connection c) {
        if (c.user == null || c.active) {
            return;
        }
        c.active = true;
        if (!left.remove(c.user)) {
            joined.add(c.user);
        }
        schedule();
    }

    void left(Connection c) {
        if (!c.active) {
            return;
        }
        c.active = false;
        if (!joined.remove(c.user)) {
            left.add(c.user);
        }
        schedule();
    }

    private void schedule() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        long wait = quietUntilNanos - System.nanoTime();
        // Even "at once" waits for the current task to finish: a returning user's join and its ghost's
        // leave happen in one task and must cancel out in one batch.
        session.executor.schedule(() -> session.guarded(null, this::flush), Math.max(0, wait), TimeUnit.NANOSECONDS);
    }

    private void flush() {
        scheduled = false;
        quietUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Session.USERS_INTERVAL_MS);
        int active = session.activeCount();
        if (active > 0) {
            JsonObject payload = new JsonObject();
            payload.addProperty("what", "users");
            payload.addProperty("active", active);
            payload.addProperty("total", session.clientCount());
            if (!joined.isEmpty()) {
                payload.add("joined", array(joined));
            }
            if (!left.isEmpty()) {
                payload.add("left", array(left));
            }
            session.submitReflectorMessage(payload);
            session.herald(() -> array(joined), () -> array(left)); // copied only when heralding is on
        }
        session.recordActiveUsers();
        joined.clear();
        left.clear();
    }

    private JsonArray array(List<JsonElement> users) {
        JsonArray a = new JsonArray();
        users.forEach(u -> a.add(u.deepCopy()));
        return a;
    }
}
