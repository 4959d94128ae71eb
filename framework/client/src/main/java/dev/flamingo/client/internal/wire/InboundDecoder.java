package dev.flamingo.client.internal.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates reflector frames into {@link Inbound} values. Every field is type-checked so that a
 * malformed frame fails here, naming the action and field, rather than deep in the controller. Stateless;
 * any thread.
 */
public final class InboundDecoder {

    private InboundDecoder() {
    }

    /** Decodes one complete (already de-chunked) text frame. */
    public static Inbound decode(String frame) throws ProtocolException {
        JsonObject object = parseObject(frame);
        String action = string(object, "action", "frame");
        JsonElement args = object.get("args");
        return switch (action) {
            case "SYNC" -> sync(object(args, "SYNC.args"));
            case "RECV" -> new Inbound.Recv(message(args, "RECV.args"));
            case "TICK" -> new Inbound.Tick(tickTime(args));
            case "INFO" -> info(args);
            case "REQU" -> new Inbound.Requ();
            case "PONG" -> new Inbound.Pong(args);
            case "RECONNECT" -> new Inbound.Reconnect();
            default -> throw new ProtocolException("unknown action \"" + action + "\"");
        };
    }

    private static JsonObject parseObject(String frame) throws ProtocolException {
        try {
            JsonElement element = JsonParser.parseString(frame);
            if (!element.isJsonObject()) {
                throw new ProtocolException("frame is not a JSON object: " + abbreviate(frame));
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ProtocolException("frame is not JSON: " + abbreviate(frame));
        }
    }

    private static Inbound.Sync sync(JsonObject args) throws ProtocolException {
        JsonArray raw = array(args.get("messages"), "SYNC.messages");
        List<ReflectedMessage> messages = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            messages.add(message(raw.get(i), "SYNC.messages[" + i + "]"));
        }
        String url = optionalString(args, "url", "SYNC");
        return new Inbound.Sync(url == null || url.isEmpty() ? null : url, List.copyOf(messages),
                time(args.get("time"), "SYNC.time"), seq(args.get("seq"), "SYNC.seq"),
                optionalString(args, "tove", "SYNC"), optionalString(args, "reflector", "SYNC"),
                optionalString(args, "timeline", "SYNC"), optionalTime(args, "snapshotTime"),
                optionalSeq(args, "snapshotSeq"), args.has("persisted") && isTrue(args.get("persisted")));
    }

    private static ReflectedMessage message(JsonElement element, String where) throws ProtocolException {
        JsonArray array = array(element, where);
        if (array.size() < 3) {
            throw new ProtocolException(where + " must be [time, seq, payload, ...], got " + array);
        }
        long time = time(array.get(0), where + "[0] (time)");
        long seq = seq(array.get(1), where + "[1] (seq)");
        JsonElement payload = array.get(2);
        if (payload.isJsonPrimitive() && payload.getAsJsonPrimitive().isString()) {
            return new ReflectedMessage(time, seq, payload.getAsString(), null);
        }
        if (payload.isJsonObject() && payload.getAsJsonObject().has("what")) {
            return new ReflectedMessage(time, seq, null, payload.getAsJsonObject());
        }
        throw new ProtocolException(where + "[2] (payload) must be a sealed string or a {what} object, got "
                + abbreviate(payload.toString()));
    }

    private static long tickTime(JsonElement args) throws ProtocolException {
        if (args != null && args.isJsonObject()) {
            return time(args.getAsJsonObject().get("time"), "TICK.args.time");
        }
        return time(args, "TICK.args");
    }

    private static Inbound.Info info(JsonElement args) throws ProtocolException {
        JsonObject info = object(args, "INFO.args");
        String level = null;
        if (info.has("options") && info.get("options").isJsonObject()) {
            level = optionalString(info.getAsJsonObject("options"), "level", "INFO.options");
        }
        return new Inbound.Info(optionalString(info, "code", "INFO"), optionalString(info, "msg", "INFO"), level);
    }

    private static long time(JsonElement element, String where) throws ProtocolException {
        double value = number(element, where);
        if (value < 0 || value > 9.007199254740991E15) {
            throw new ProtocolException(where + " must be a non-negative time in ms, got " + value);
        }
        // The reflector's clock is integer ms; a fractional stamp (scale != 1) rounds down like floor() there.
        return (long) Math.floor(value);
    }

    private static long seq(JsonElement element, String where) throws ProtocolException {
        double value = number(element, where);
        if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > 0xFFFFFFFFL) {
            throw new ProtocolException(where + " must be a 32-bit integer, got " + value);
        }
        // Old reflectors send int32; Croquet does seq >>>= 0, which is this mask.
        return ((long) value) & 0xFFFFFFFFL;
    }

    private static Long optionalTime(JsonObject args, String name) throws ProtocolException {
        JsonElement e = args.get(name);
        return e == null || e.isJsonNull() ? null : time(e, "SYNC." + name);
    }

    private static Long optionalSeq(JsonObject args, String name) throws ProtocolException {
        JsonElement e = args.get(name);
        return e == null || e.isJsonNull() ? null : seq(e, "SYNC." + name);
    }

    private static double number(JsonElement element, String where) throws ProtocolException {
        if (element == null || !element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            throw new ProtocolException(where + " must be a number, got " + element);
        }
        double value = element.getAsDouble();
        if (!Double.isFinite(value)) {
            throw new ProtocolException(where + " must be finite, got " + value);
        }
        return value;
    }

    private static boolean isTrue(JsonElement e) {
        return e.isJsonPrimitive() && ((JsonPrimitive) e).isBoolean() && e.getAsBoolean();
    }

    private static String string(JsonObject object, String name, String where) throws ProtocolException {
        String value = optionalString(object, name, where);
        if (value == null) {
            throw new ProtocolException(where + "." + name + " is missing");
        }
        return value;
    }

    private static String optionalString(JsonObject object, String name, String where) throws ProtocolException {
        JsonElement e = object.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new ProtocolException(where + "." + name + " must be a string, got " + abbreviate(e.toString()));
        }
        return e.getAsString();
    }

    private static JsonObject object(JsonElement e, String where) throws ProtocolException {
        if (e == null || !e.isJsonObject()) {
            throw new ProtocolException(where + " must be an object, got " + e);
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonElement e, String where) throws ProtocolException {
        if (e == null || !e.isJsonArray()) {
            throw new ProtocolException(where + " must be an array, got " + (e == null ? null : abbreviate(e.toString())));
        }
        return e.getAsJsonArray();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...(" + s.length() + " chars)";
    }
}
