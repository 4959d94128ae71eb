package dev.flamingo.client.internal.session;

/**
 * Croquet's {@code synced} rule (reference §2.16): with lag = how far the replica is behind the reflector's
 * extrapolated time minus one tick, a replica becomes unsynced at once when the lag exceeds
 * {@code max(2000, 0.2 * tick)} ms, and synced again once it stayed under {@code max(200, 0.1 * tick)} ms for
 * 200 ms (long enough to absorb the users message that follows a SYNC). Time is passed in. Confined to the
 * session thread.
 */
final class SyncedRule {

    private static final long ANNOUNCE_DELAY_MS = 200;

    private final double tickMs;
    private boolean synced;
    private long candidateSince = -1;

    SyncedRule(double tickMs) {
        this.tickMs = tickMs;
    }

    boolean synced() {
        return synced;
    }

    /** Sets the state directly (true when a join completes, false on teardown). */
    void set(boolean value) {
        synced = value;
        candidateSince = -1;
    }

    /**
     * While synced, the milliseconds until a lag of {@code behindMs} could first exceed the limit: the lag grows
     * at most as fast as the clock, so no frame is needed to notice it before then.
     */
    long msBeforeUnsyncedPossible(double behindMs) {
        double lag = Math.max(0, behindMs - tickMs);
        return (long) Math.max(0, Math.max(2000, 0.2 * tickMs) - lag);
    }

    /** Feeds the lag observed at {@code now}; returns true when {@link #synced()} changed. */
    boolean update(long now, double behindMs) {
        double lag = Math.max(0, behindMs - tickMs);
        if (synced && lag > Math.max(2000, 0.2 * tickMs)) {
            set(false);
            return true;
        }
        if (!synced && lag < Math.max(200, 0.1 * tickMs)) {
            if (candidateSince < 0) {
                candidateSince = now;
            } else if (now - candidateSince >= ANNOUNCE_DELAY_MS) {
                set(true);
                return true;
            }
            return false;
        }
        candidateSince = -1;
        return false;
    }
}
