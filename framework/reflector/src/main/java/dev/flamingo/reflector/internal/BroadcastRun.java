package dev.flamingo.reflector.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive RECV frames going to the same active clients, written into one pooled buffer. When the run
 * ends each of those clients gets a slice of it: a burst of N messages to M clients costs M slices, not
 * N x M reference counts and copies. Owned by the session's executor.
 */
final class BroadcastRun {
    private static final int INITIAL_BYTES = 2048;
    private final List<Connection> recipients = new ArrayList<>();
    private ByteBuf frames;
    private int count;

    boolean isEmpty() {
        return frames == null;
    }

    /**
     * Starts a run to the active clients among {@code clients} and returns them, to be marked dirty; with
     * none, no run starts (the run stays empty), since nobody would receive its frames.
     */
    List<Connection> start(List<Connection> clients) {
        for (Connection c : clients) {
            if (receives(c)) {
                recipients.add(c);
            }
        }
        if (!recipients.isEmpty()) {
            frames = PooledByteBufAllocator.DEFAULT.directBuffer(INITIAL_BYTES);
        }
        return recipients;
    }

    /** True if the active clients among {@code clients} are still exactly this run's recipients. */
    boolean sameRecipients(List<Connection> clients) {
        int i = 0;
        for (Connection c : clients) {
            if (receives(c) && (i == recipients.size() || recipients.get(i++) != c)) {
                return false;
            }
        }
        return i == recipients.size();
    }

    void add(byte[] head, byte[] body, char last) {
        WireFrames.writeText(frames, head, body, last);
        count++;
    }

    /** Queues a slice of the run on every recipient still connected, and ends the run. */
    void end() {
        for (Connection c : recipients) {
            c.enqueue(frames.retainedSlice(), count);
        }
        frames.release();
        frames = null;
        count = 0;
        recipients.clear();
    }

    private static boolean receives(Connection c) {
        return c.active && !c.gone;
    }
}
