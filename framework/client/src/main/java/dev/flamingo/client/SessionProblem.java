package dev.flamingo.client;

import dev.flamingo.core.Votes;
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

    /**
     * The replicas published different data for one reflected event and no model subscribes to its divergence
     * (Croquet's "uncaptured divergence"); reported by every replica at the same VM time.
     *
     * @param time VM time of the tally
     * @param votes the distinct copies and their voters
     */
    record UncapturedDivergence(long time, Votes<?> votes) implements SessionProblem {
        @Override
        public String describe() {
            StringBuilder copies = new StringBuilder();
            for (Votes.Copy<?> copy : votes.copies()) {
                String data = String.valueOf(copy.data());
                copies.append(copies.length() == 0 ? "" : ", ")
                        .append(data.length() > 60 ? data.substring(0, 60) + "..." : data)
                        .append(" x").append(copy.voters());
            }
            return "uncaptured divergence in " + votes.scope() + ":" + votes.event() + " at " + time + " ms: "
                    + votes.copies().size() + " different copies from " + votes.voters() + " replicas (" + copies
                    + "); handle it with subscribeDivergence(\"" + votes.scope() + "\", \"" + votes.event()
                    + "\", ...) in a model";
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
