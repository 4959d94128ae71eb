package dev.flamingo.client.internal.session;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flamingo.client.internal.crypto.Envelope;
import dev.flamingo.client.internal.crypto.Purpose;
import dev.flamingo.client.internal.crypto.RejectedEnvelopeException;
import dev.flamingo.client.internal.wire.ReflectedMessage;
import dev.flamingo.core.vm.ExternalMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns reflected messages into VM messages (Croquet's {@code convertReflectorMessage} plus decryption). A
 * message that fails authentication or decoding becomes a {@link ExternalMessage.Noop}, so the sequence
 * stays gap-free and every replica skips it alike, and the rejection is reported. A reflected event's tally
 * is opened here: each vote is authenticated against the tally key (so the reflector cannot move votes
 * between tallies) and names its topic; a vote that does not open, or that names another topic than the first
 * vote (a replica whose model diverged so far that it published something else at that point), is left out on
 * every replica alike and reported; this replica's own vote is marked for its views. Confined to the session
 * thread.
 */
final class MessageConverter {

    /** A converted message: what the VM runs, the decrypted payload (client messages), a rejection reason. */
    record Converted(long time, long seq, ExternalMessage message, Payload payload, String rejection) {
    }

    private final Envelope envelope;
    private final String sessionId;
    private final Function<Object, byte[]> viewDataEncoder;
    private final Function<String, String> ownVotes;

    /**
     * @param viewDataEncoder encodes a joining view's data for the VM
     * @param ownVotes this replica's vote string for a tally key, or null
     */
    MessageConverter(Envelope envelope, String sessionId, Function<Object, byte[]> viewDataEncoder,
            Function<String, String> ownVotes) {
        this.envelope = envelope;
        this.sessionId = sessionId;
        this.viewDataEncoder = viewDataEncoder;
        this.ownVotes = ownVotes;
    }

    Converted convert(ReflectedMessage m) {
        if (!m.isMeta()) {
            return client(m);
        }
        String what = m.what();
        if ("users".equals(what)) {
            return new Converted(m.time(), m.seq(), users(m.meta()), null, null);
        }
        if ("tally".equals(what)) {
            return Reflections.TARGET.equals(tallyTarget(m.meta())) ? reflectedTally(m)
                    : new Converted(m.time(), m.seq(), tally(m.meta()), null, null);
        }
        return new Converted(m.time(), m.seq(), new ExternalMessage.Noop(), null, null);
    }

    private Converted client(ReflectedMessage m) {
        try {
            Payload payload = Payload.decode(envelope.openText(Purpose.MESSAGE, sessionId, m.sealed()));
            return new Converted(m.time(), m.seq(), payload.toExternal(), payload, null);
        } catch (RejectedEnvelopeException | IOException | RuntimeException e) {
            return new Converted(m.time(), m.seq(), new ExternalMessage.Noop(), null, e.getMessage());
        }
    }

    private ExternalMessage users(JsonObject meta) {
        List<ExternalMessage.Peer> entered = new ArrayList<>();
        for (JsonElement user : array(meta, "joined")) {
            entered.add(new ExternalMessage.Peer(userId(user), viewData(user)));
        }
        List<String> exited = new ArrayList<>();
        for (JsonElement user : array(meta, "left")) {
            exited.add(userId(user));
        }
        int active = meta.has("active") ? meta.get("active").getAsInt() : entered.size();
        return new ExternalMessage.Peers(entered, exited, active);
    }

    private static String tallyTarget(JsonObject meta) {
        JsonElement target = meta.get("tallyTarget");
        return target != null && target.isJsonArray() && target.getAsJsonArray().size() > 0
                ? target.getAsJsonArray().get(0).getAsString() : String.valueOf(target);
    }

    private static Map<String, Integer> votes(JsonObject meta) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        if (meta.has("tally") && meta.get("tally").isJsonObject()) {
            meta.getAsJsonObject("tally").entrySet().forEach(e -> votes.put(e.getKey(), e.getValue().getAsInt()));
        }
        return votes;
    }

    private ExternalMessage tally(JsonObject meta) {
        return new ExternalMessage.Tally(tallyTarget(meta), votes(meta));
    }

    /** A reflected event's tally: each vote is a sealed {@link Reflections.Ballot}. */
    private Converted reflectedTally(ReflectedMessage m) {
        JsonElement keyElement = m.meta().get("tuttiKey");
        String key = keyElement != null && keyElement.isJsonPrimitive() ? keyElement.getAsString() : "";
        String own = ownVotes.apply(key);
        Reflections.Ballot first = null;
        List<ExternalMessage.Copy> copies = new ArrayList<>();
        int mine = -1;
        int rejected = 0;
        int strays = 0;
        for (Map.Entry<String, Integer> vote : votes(m.meta()).entrySet()) {
            Reflections.Ballot ballot;
            try {
                ballot = Reflections.Ballot.decode(envelope.openVote(Reflections.voteContext(sessionId, key),
                        vote.getKey()));
            } catch (RejectedEnvelopeException | IOException e) {
                rejected++;
                continue;
            }
            first = first == null ? ballot : first;
            if (!ballot.sameTopic(first)) {
                strays++;
                continue;
            }
            mine = vote.getKey().equals(own) ? copies.size() : mine;
            copies.add(new ExternalMessage.Copy(ballot.data(), vote.getValue()));
        }
        JsonElement missing = m.meta().get("missingClients");
        ExternalMessage message = first == null ? new ExternalMessage.Noop()
                : new ExternalMessage.ReflectedTally(first.scope(), first.event(), copies,
                        missing != null && missing.isJsonPrimitive() ? missing.getAsInt() : 0, mine);
        return new Converted(m.time(), m.seq(), message, null, tallyProblems(key, rejected, strays));
    }

    private static String tallyProblems(String key, int rejected, int strays) {
        List<String> problems = new ArrayList<>();
        if (rejected > 0) {
            problems.add(rejected + " vote(s) in tally " + key + " failed authentication");
        }
        if (strays > 0) {
            problems.add(strays + " vote(s) in tally " + key + " were for another event than the first vote's"
                    + " (a replica's models diverged)");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** The view id in any of the reflector's user forms: {@code id}, {@code [id, loc]}, {@code {id, data}}. */
    static String userId(JsonElement user) {
        if (user.isJsonArray()) {
            return user.getAsJsonArray().get(0).getAsString();
        }
        if (user.isJsonObject()) {
            return user.getAsJsonObject().get("id").getAsString();
        }
        return user.getAsString();
    }

    private byte[] viewData(JsonElement user) {
        if (!user.isJsonObject() || !user.getAsJsonObject().has("data")) {
            return null;
        }
        try {
            byte[] json = envelope.openText(Purpose.VIEW_DATA, sessionId,
                    user.getAsJsonObject().get("data").getAsString());
            return viewDataEncoder.apply(JsonValues.parse(new String(json, StandardCharsets.UTF_8)));
        } catch (RejectedEnvelopeException | RuntimeException e) {
            // Another replica with the right key sees the same failure, so dropping the data stays deterministic.
            return null;
        }
    }

    private static JsonArray array(JsonObject meta, String name) {
        JsonElement e = meta.get(name);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }
}
