package dev.flamingo.reflector.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Small type checks and field readers over Gson trees that never throw on wrong shapes. Any thread. */
final class Json {
    private Json() {
    }

    static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    static boolean isNumber(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
                && Double.isFinite(e.getAsDouble());
    }

    static boolean isBoolean(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean();
    }

    static boolean absent(JsonElement e) {
        return e == null || e.isJsonNull();
    }

    /** JavaScript truthiness, as the Croquet reflector applies it to flags such as {@code version}. */
    static boolean truthy(JsonElement e) {
        if (absent(e)) {
            return false;
        }
        if (!e.isJsonPrimitive()) {
            return true;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            double d = p.getAsDouble();
            return d != 0 && !Double.isNaN(d);
        }
        return !p.getAsString().isEmpty();
    }

    static JsonObject objectOrNull(JsonElement e) {
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    static JsonArray arrayOrNull(JsonElement e) {
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
    }

    /** A string field no longer than {@code max} chars, or null when absent; throws when mistyped. */
    static String optionalString(JsonObject o, String field, int max) throws ProtocolException {
        JsonElement e = o.get(field);
        if (absent(e)) {
            return null;
        }
        if (!isString(e) || e.getAsString().length() > max) {
            throw bad(field + " must be a string of at most " + max + " chars");
        }
        return e.getAsString();
    }

    /** A finite number field within [min, max], or {@code fallback} when absent; throws when mistyped. */
    static double optionalNumber(JsonObject o, String field, double min, double max, double fallback)
            throws ProtocolException {
        JsonElement e = o.get(field);
        if (absent(e)) {
            return fallback;
        }
        if (!isNumber(e) || e.getAsDouble() < min || e.getAsDouble() > max) {
            throw bad(field + " must be a number in [" + min + ", " + max + "]");
        }
        return e.getAsDouble();
    }

    static ProtocolException bad(String message) {
        return new ProtocolException(CloseReason.MALFORMED, "bad_args", message);
    }

    /** Unsigned 32-bit value of a JSON number that must be an integer in [0, 2^32). */
    static boolean isUint32(JsonElement e) {
        if (!isNumber(e)) {
            return false;
        }
        double d = e.getAsDouble();
        return d >= 0 && d < 4294967296.0 && d == Math.floor(d);
    }
}
