package dev.flamingo.client.internal.session;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.SessionProblem;
import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.Reflection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reflected model events on the wire (Croquet's {@code sendTutti} for {@code #reflected}). For each reflected
 * publish of a voting replica it sends one TUTTI: the vote is a {@link Ballot} (topic and data) sealed
 * deterministically ({@link dev.flamingo.client.internal.crypto.Envelope#sealVote}), so equal copies are equal
 * strings for the reflector to count; the first message, sent only when a model subscribes to the plain topic,
 * is an ordinary sealed payload that the reflector sequences like a view event. The reflector sees neither data
 * nor topic: the tally key names only the time and the publishing message. The tally comes back to every
 * replica under the target {@value #TARGET}, and {@link MessageConverter} opens its votes. This replica's own
 * votes are remembered (the last {@value #HISTORY}) so that its views can tell which copy was theirs. Confined
 * to the replica's owner.
 */
final class Reflections {

    /** The tally target of reflected events' TUTTIs. */
    static final String TARGET = "reflected";
    private static final int HISTORY = 100;
    private static final int BALLOT_VERSION = 1;

    private final Controller c;
    private final Map<String, String> ownVotes = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > HISTORY;
        }
    };

    private final VoteBudget budget = new VoteBudget();
    private long skipped;
    private long lastReportMs = Long.MIN_VALUE / 2;

    Reflections(Controller controller) {
        this.c = controller;
    }

    /**
     * Sends this replica's vote (and first copy) for a reflected event a model just published, unless the
     * {@link VoteBudget} is spent; skipped votes are reported at most once a second.
     */
    void send(Reflection r) {
        long now = Controller.wallMs();
        if (!budget.tryTake(now)) {
            skipped++;
            reportSkipped(now);
            return;
        }
        String vote = c.link().envelope().sealVote(voteContext(c.ids().sessionId(), r.key()),
                new Ballot(r.scope(), r.event(), r.data()).encode());
        String first = r.wantsFirst() ? c.seal(Payload.Kind.REFLECTED,
                List.of(new ExternalMessage.ModelEvent(r.scope(), r.event(), r.data())), null) : null;
        ownVotes.put(r.key(), vote);
        c.debug(DebugFlag.SENDS, () -> "TUTTI " + r.key() + " for " + r.scope() + ":" + r.event()
                + (first == null ? "" : " with first copy")
                + (r.wantsVote() ? ", tally wanted" : ""));
        c.sendFrame(c.link().encoder().tutti(r.time(), vote, first, r.wantsVote(), TARGET, r.key()));
    }

    private void reportSkipped(long now) {
        if (now - lastReportMs < 1000) {
            return;
        }
        lastReportMs = now;
        long count = skipped;
        skipped = 0;
        c.problem(new SessionProblem.Warning("reflected events are published faster than "
                + VoteBudget.VOTES_PER_SECOND + " a second: " + count + " of this client's votes were not sent (the"
                + " reflector would close the connection); those events reach the models only through other"
                + " clients' votes, if any, on every replica alike"));
    }

    /** The vote this replica cast in tally {@code key}, or null. */
    String ownVote(String key) {
        return ownVotes.get(key);
    }

    /** The replica was torn down: a rebuilt one votes afresh. */
    void reset() {
        ownVotes.clear();
    }

    /** What a vote is sealed under: the session and the tally, so a vote opens in no other tally. */
    static String voteContext(String sessionId, String key) {
        return sessionId + "/" + key;
    }

    /**
     * A vote's plaintext: the topic (so the reflector need not see it) and the data's payload encoding, or
     * null for none. Immutable; any thread.
     */
    record Ballot(String scope, String event, byte[] data) {

        byte[] encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(BALLOT_VERSION);
                out.writeUTF(scope);
                out.writeUTF(event);
                out.writeInt(data == null ? -1 : data.length);
                if (data != null) {
                    out.write(data);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        /** Decodes an authenticated ballot; a malformed one (a bug, not an attack) throws IOException. */
        static Ballot decode(byte[] plain) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
            int version = in.readUnsignedByte();
            if (version != BALLOT_VERSION) {
                throw new IOException("ballot version " + version + " is not " + BALLOT_VERSION);
            }
            String scope = in.readUTF();
            String event = in.readUTF();
            int length = in.readInt();
            if (length < -1 || Math.max(length, 0) != in.available()) {
                throw new IOException("ballot data length " + length + " does not match its " + in.available()
                        + " remaining bytes");
            }
            return new Ballot(scope, event, length < 0 ? null : in.readNBytes(length));
        }

        /** True if {@code other} is a copy of the same event (whatever its data). */
        boolean sameTopic(Ballot other) {
            return scope.equals(other.scope) && event.equals(other.event);
        }
    }
}
