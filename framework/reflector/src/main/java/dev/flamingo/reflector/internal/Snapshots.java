package dev.flamingo.reflector.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * SNAP and SAVE. A SNAP newer than the current snapshot, for a file this server's {@code /files} holds
 * for the session, drops every retained message not {@linkplain #after after} its seq and compacts the
 * journal (after archiving those messages, when the server keeps an archive); late joiners then SYNC from
 * it, and the {@link SnapshotPruner} deletes superseded snapshot files. A SAVE records the URL of persisted
 * data for the app's next fresh session. Owned by the session's executor.
 */
final class Snapshots {
    private static final Logger LOG = System.getLogger(Snapshots.class.getName());
    private final Session session;
    private final SessionState st;
    private final SessionServices services;
    private final SnapshotPruner pruner;

    Snapshots(Session session, SessionServices services, SnapshotPruner pruner) {
        this.session = session;
        this.st = session.st;
        this.services = services;
        this.pruner = pruner;
    }

    void snap(Connection conn, JsonElement args) throws ProtocolException {
        JsonObject o = Json.objectOrNull(args);
        if (o == null || !Json.isNumber(o.get("time")) || !Json.isUint32(o.get("seq"))) {
            throw Json.bad("SNAP args must be {time, seq, hash, url}");
        }
        String url = Json.optionalString(o, "url", 4096);
        Json.optionalString(o, "hash", 1024);
        long time = (long) o.get("time").getAsDouble();
        if (Json.truthy(o.get("dissident")) || time <= st.snapshotTime || url == null || url.isEmpty()) {
            services.metrics().reject("snap_ignored");
            return;
        }
        boolean local = services.files().holdsForSession(url, session.id, conn.authority);
        if (services.config().requireLocalSnapshots() && !local) {
            services.metrics().reject("snap_unknown_file");
            LOG.log(Level.WARNING, "snap-refused session={0} remote={1} url={2}", session.id, conn, LogText.of(url));
            return;
        }
        int seq = (int) o.get("seq").getAsLong();
        if (time > session.now() || after(st.seq, seq)) {
            // No client has seen that time or seq yet. Accepted, a SNAP from the future would make every
            // real snapshot after it look old, and the retained messages would grow until the cap.
            services.metrics().reject("snap_out_of_range");
            LOG.log(Level.WARNING, "snap-refused session={0} remote={1} time={2} seq={3}: beyond the session at {4}/{5}",
                    session.id, conn, String.valueOf(time), Integer.toUnsignedString(seq),
                    String.valueOf(session.now()), Integer.toUnsignedString(st.seq));
            return;
        }
        long start = System.nanoTime();
        if (services.config().archiveMessages() && !archived(time, seq)) {
            return;
        }
        st.messages.dropThrough(seq);
        st.snapshotTime = time;
        st.snapshotSeq = seq;
        st.snapshotUrl = url;
        if (local) {
            pruner.accepted(url);
        }
        session.backlogReset();
        session.journal().commit();
        session.journal().compact(st);
        pruner.prune();
        services.metrics().snapshots.increment();
        services.metrics().snapshotLatency.record(System.nanoTime() - start);
    }

    /** Croquet's {@code after(a, b)}: b comes after a within a window of 2^27. */
    static boolean after(int a, int b) {
        long delta = Integer.toUnsignedLong(b - a);
        return delta > 0 && delta < 0x8000000L;
    }

    /**
     * Writes the messages this SNAP prunes to the session's archive; false (and the SNAP ignored, so nothing
     * is dropped and a later snapshot tries again) when that fails.
     */
    private boolean archived(long time, int seq) {
        RetainedMessages.Pruned pruned = st.messages.through(seq);
        if (pruned == null) {
            return true;
        }
        String name = String.format(Locale.ROOT, "%013d_%010d-%010d.jsonl", time,
                Integer.toUnsignedLong(pruned.firstSeq()), Integer.toUnsignedLong(pruned.lastSeq()));
        try {
            session.journal().archive(name, pruned.lines());
            return true;
        } catch (UncheckedIOException e) {
            services.metrics().reject("archive_failed");
            LOG.log(Level.ERROR, "archive-failed session=" + session.id + ": SNAP ignored, nothing pruned", e);
            return false;
        }
    }

    void save(Connection conn, JsonElement args) throws ProtocolException {
        if (st.appId == null || st.persistentId == null) {
            throw new ProtocolException(CloseReason.BAD_APP_ID, "bad_app_id", "SAVE needs appId and persistentId");
        }
        JsonObject o = Json.objectOrNull(args);
        if (o == null) {
            throw Json.bad("SAVE args must be {persistTime, url}");
        }
        String url = Json.optionalString(o, "url", 4096);
        if (url == null || Json.truthy(o.get("dissident"))) {
            return;
        }
        services.pointers().put(st.appId, st.persistentId, url);
        LOG.log(Level.INFO, "session-save id={0} remote={1} url={2}", session.id, conn, LogText.of(url));
    }
}
