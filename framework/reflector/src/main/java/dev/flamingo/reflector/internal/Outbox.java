package dev.flamingo.reflector.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's outgoing frames. Frames are encoded once, queued on their connections and released by one
 * commit task per burst, which writes the journal to the OS first and only then flushes the sockets:
 * the write-before-relay rule, at the cost of one write syscall and one flush per client per burst.
 * RECVs to the same clients collect in a {@link BroadcastRun} that they share; other small frames are
 * copied into one buffer per client (see {@link Connection#commit()}). Long frames are split into
 * Croquet's {@code _CHUNK} pieces. Owned by the session's executor.
 */
final class Outbox {
    private static final Logger LOG = System.getLogger(Outbox.class.getName());
    private final String sessionId;
    private final EventExecutor executor;
    private final Journal journal;
    private final SessionServices services;
    private final Runnable onStorageFailure;
    private final List<Connection> dirty = new ArrayList<>();
    /** {@code {"id":"<session>","action":"RECV","args":} as bytes; session ids are ASCII. */
    private final byte[] recvHead;
    private final BroadcastRun run = new BroadcastRun();
    private boolean commitScheduled;

    Outbox(String sessionId, EventExecutor executor, Journal journal, SessionServices services,
           Runnable onStorageFailure) {
        this.sessionId = sessionId;
        this.executor = executor;
        this.journal = journal;
        this.services = services;
        this.onStorageFailure = onStorageFailure;
        this.recvHead = ("{\"id\":\"" + sessionId + "\",\"action\":\"RECV\",\"args\":")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Queues the RECV of one sequenced message ({@code utf8} is {@code message} encoded) for every active
     * client: its frame is written straight into the current run's buffer (no frame string is built), which
     * they all share.
     */
    void broadcastRecv(String message, byte[] utf8, List<Connection> clients) {
        if (recvHead.length + message.length() + 1 > services.config().chunkChars()) {
            broadcast(new String(recvHead, StandardCharsets.US_ASCII) + message + "}", clients);
            return;
        }
        if (!run.isEmpty() && !run.sameRecipients(clients)) {
            run.end();
        }
        if (run.isEmpty()) {
            run.start(clients).forEach(this::markDirty);
        }
        if (!run.isEmpty()) {
            run.add(recvHead, utf8, '}');
        }
        scheduleCommit();
    }

    /** Queues {@code text} for every active client, encoding it once. */
    void broadcast(String text, List<Connection> clients) {
        endRun();
        for (String part : Chunker.split(text, services.config().chunkChars())) {
            share(WireFrames.text(part), clients);
        }
        scheduleCommit();
    }

    /** Queues one reference of {@code frame} per active client and releases the caller's. */
    private void share(ByteBuf frame, List<Connection> clients) {
        for (Connection c : clients) {
            if (c.active && !c.gone && c.enqueue(frame.retain())) {
                markDirty(c);
            }
        }
        frame.release();
    }

    void send(Connection conn, String text) {
        endRun();
        for (String part : Chunker.split(text, services.config().chunkChars())) {
            if (conn.enqueue(WireFrames.text(part))) {
                markDirty(conn);
            }
        }
        scheduleCommit();
    }

    /** Frames queued after the run must follow it, so the run's slices are queued first. */
    private void endRun() {
        if (!run.isEmpty()) {
            run.end();
        }
    }

    private void markDirty(Connection conn) {
        if (!conn.queued) {
            conn.queued = true;
            dirty.add(conn);
        }
    }

    /** The socket closed: whatever was queued for it is released, not sent. */
    void forget(Connection conn) {
        if (conn.queued) {
            conn.queued = false;
            dirty.remove(conn);
        }
        conn.discardPending();
    }

    void scheduleCommit() {
        if (!commitScheduled && !dirty.isEmpty()) {
            commitScheduled = true;
            executor.execute(this::commit);
        }
    }

    /** Journal first, then sockets. */
    private void commit() {
        commitScheduled = false;
        endRun();
        try {
            journal.commit();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "journal-failed session=" + sessionId + ": closing its sockets, nothing relayed", e);
            services.metrics().reject("journal_error");
            clearDirty();
            onStorageFailure.run();
            return;
        }
        for (Connection c : dirty) {
            c.queued = false;
            c.commit();
        }
        dirty.clear();
    }

    private void clearDirty() {
        dirty.forEach(c -> c.queued = false);
        dirty.clear();
    }
}
