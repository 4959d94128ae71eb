package dev.flamingo.client;

import java.util.List;

/**
 * Something the app should hear about that does not end the session by itself. Immutable; delivered on the
 * thread that owns the replica (see {@link Session}: the stepping thread in MANUAL after the join).
 */
public sealed interface SessionProblem {

    /** One line for a log. */
    String describe();

    /** A model or view handler threw; the VM skipped it (identically on every replica for models). */
    record HandlerFailed(String description, Throwable cause) implements SessionProblem {
        @Override
        public String describe() {
            return description;
        }
    }

    /** A message failed authentication (tampered, or from another password or session) and was not executed. */
    record MessageRejected(long seq, String reason) implements SessionProblem {
        @Override
        public String describe() {
            return "rejected message seq " + Long.toHexString(seq) + ": " + reason;
        }
    }

    /**
     * Replicas disagree on the state hash: the session has diverged.
     *
     * @param time VM time of the vote
     * @param groups each group of agreeing view ids, the largest (consensus) first
     * @param hashes the state hash of each group, same order
     * @param firstDifferingSeq the external message after which the groups' states first differed, or -1
     *     while unknown
     * @param firstDifferingMessage a description of that message, or null
     */
    record Diverged(long time, List<List<String>> groups, List<String> hashes, long firstDifferingSeq,
            String firstDifferingMessage) implements SessionProblem {
        @Override
        public String describe() {
            String where = firstDifferingSeq < 0 ? "" : "; states first differed after message seq 0x"
                    + Long.toHexString(firstDifferingSeq) + " (" + firstDifferingMessage + ")";
            return "session diverged at " + time + " ms: replicas " + groups + " have hashes " + hashes + where;
        }
    }

    /** Something inconsistent but survivable, e.g. a snapshot upload that failed. */
    record Warning(String message) implements SessionProblem {
        @Override
        public String describe() {
            return message;
        }
    }
}
