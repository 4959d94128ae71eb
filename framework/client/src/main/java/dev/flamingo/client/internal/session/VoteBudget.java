package dev.flamingo.client.internal.session;

/**
 * How many reflected-event votes a client sends a second. Every reflected publish makes each voting replica
 * send one TUTTI frame, and the reflector closes a connection over its frame rate (2,000 a second by default,
 * bursts of as many) with 4104, which ends the session; so past {@value #VOTES_PER_SECOND} a second (bursts of
 * as many), half that rate, leaving the rest for events, pings and snapshot votes, a vote is not sent. The
 * event still arrives through another replica's vote, or on no replica at all: either way through the
 * reflector, so the same on every replica. Confined to the replica's owner.
 */
final class VoteBudget {
    static final int VOTES_PER_SECOND = 1000;
    private double tokens = VOTES_PER_SECOND;
    private long lastMs;
    private boolean started;

    /** Takes one vote's worth at monotonic time {@code nowMs}; false when over the budget. */
    boolean tryTake(long nowMs) {
        if (started) {
            tokens = Math.min(VOTES_PER_SECOND, tokens + (nowMs - lastMs) * (VOTES_PER_SECOND / 1000.0));
        }
        started = true;
        lastMs = nowMs;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
