package dev.flamingo.client.internal.session;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.Reflection;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reflected model events on the wire (Croquet's {@code sendTutti} for {@code #reflected}). For each reflected
 * publish of a voting replica it sends one TUTTI: the vote is the event's data sealed deterministically
 * ({@link dev.flamingo.client.internal.crypto.Envelope#sealVote}), so equal copies are equal strings for the
 * reflector to count; the first message, sent only when a model subscribes to the plain topic, is an ordinary
 * sealed payload that the reflector sequences like a view event. The tally comes back to every replica under
 * the target {@value #TARGET}, and {@link MessageConverter} opens its votes. This replica's own votes are
 * remembered (the last {@value #HISTORY}) so that its views can tell which copy was theirs. Confined to the
 * replica's owner.
 */
final class Reflections {

    /** The tally target of reflected events' TUTTIs. */
    static final String TARGET = "reflected";
    private static final int HISTORY = 100;
    private static final byte NO_DATA = 0;
    private static final byte DATA = 1;

    private final Controller c;
    private final Map<String, String> ownVotes = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > HISTORY;
        }
    };

    Reflections(Controller controller) {
        this.c = controller;
    }

    /** Sends this replica's vote (and first copy) for a reflected event a model just published. */
    void send(Reflection r) {
        String vote = c.link().envelope().sealVote(voteContext(c.ids().sessionId(), r.key()), ballot(r.data()));
        String first = r.wantsFirst() ? c.seal(Payload.Kind.REFLECTED,
                List.of(new ExternalMessage.ModelEvent(r.scope(), r.event(), r.data())), null) : null;
        ownVotes.put(r.key(), vote);
        c.debug(DebugFlag.SENDS, () -> "TUTTI " + r.key() + (first == null ? "" : " with first copy")
                + (r.wantsVote() ? ", tally wanted" : ""));
        c.sendFrame(c.link().encoder().tutti(r.time(), vote, first, r.wantsVote(), TARGET, r.key()));
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

    /** A vote's plaintext: whether there is data, then the data's payload encoding. */
    static byte[] ballot(byte[] data) {
        if (data == null) {
            return new byte[] {NO_DATA};
        }
        byte[] plain = new byte[data.length + 1];
        plain[0] = DATA;
        System.arraycopy(data, 0, plain, 1, data.length);
        return plain;
    }

    /** The data of an authenticated ballot (null for none); a malformed one (a bug, not an attack) throws. */
    static byte[] data(byte[] ballot) throws IOException {
        if (ballot.length == 1 && ballot[0] == NO_DATA) {
            return null;
        }
        if (ballot.length == 0 || ballot[0] != DATA) {
            throw new IOException("vote ballot is malformed (" + ballot.length + " bytes)");
        }
        return Arrays.copyOfRange(ballot, 1, ballot.length);
    }
}
