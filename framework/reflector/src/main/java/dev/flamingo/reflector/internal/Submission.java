package dev.flamingo.reflector.internal;

import com.google.gson.JsonArray;

/**
 * A message waiting to be sequenced: the compact JSON text of its items from {@code [2]} on (the
 * payload and what follows it), and where the last item starts, the slot the {@code rawtime} flag
 * overwrites. Sequencing only puts time and seq in front, so a client's payload is copied as text and
 * never decoded. Immutable, any thread.
 */
record Submission(String tail, int lastFrom) {

    /** From a message array built or parsed as a Gson tree ({@code users}, {@code tally}, TUTTI's). */
    static Submission of(JsonArray message) {
        StringBuilder tail = new StringBuilder();
        int lastFrom = 0;
        for (int i = 2; i < message.size(); i++) {
            if (i > 2) {
                tail.append(',');
            }
            lastFrom = tail.length();
            tail.append(message.get(i));
        }
        return new Submission(tail.toString(), lastFrom);
    }

    /** {@code [time,seq,tail]}, with the last item replaced by {@code raw} under the rawtime flag. */
    String stamped(long time, long seq, boolean rawtime, long raw) {
        // String concatenation sizes the result exactly and copies once; a StringBuilder copies twice.
        return rawtime ? "[" + time + "," + seq + "," + tail.substring(0, lastFrom) + raw + "]"
                : "[" + time + "," + seq + "," + tail + "]";
    }
}
