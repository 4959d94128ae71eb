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
 * stays gap-free and every replica skips it alike, and the rejection is reported. Confined to the session
 * thread.
 */
final class MessageConverter {

    /** A converted message: what the VM runs, the decrypted payload (client messages), a rejection reason. */
    record Converted(long time, long seq, ExternalMessage message, Payload payload, String rejection) {
    }

    private final Envelope envelope;
    private final String sessionId;
    private final Function<Object, byte[]> viewDataEncoder;

    MessageConverter(Envelope envelope, String sessionId, Function<Object, byte[]> viewDataEncoder) {
        this.envelope = envelope;
        this.sessionId = sessionId;
        this.viewDataEncoder = viewDataEncoder;
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
            return new Converted(m.time(), m.seq(), tally(m.meta()), null, null);
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

    private ExternalMessage tally(JsonObject meta) {
        JsonElement target = meta.get("tallyTarget");
        String name = target != null && target.isJsonArray() && target.getAsJsonArray().size() > 0
                ? target.getAsJsonArray().get(0).getAsString() : String.valueOf(target);
        Map<String, Integer> votes = new LinkedHashMap<>();
        if (meta.has("tally") && meta.get("tally").isJsonObject()) {
            meta.getAsJsonObject("tally").entrySet().forEach(e -> votes.put(e.getKey(), e.getValue().getAsInt()));
        }
        return new ExternalMessage.Tally(name, votes);
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
