package dev.flamingo.reflector.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * A fully validated JOIN. Croquet's reflector crashed the whole process on a JOIN without args, without
 * {@code ticks} or with {@code appId} but no {@code name}; here every field is checked before use and a
 * bad JOIN only closes its own socket (4100 for shape, 4103 for the key). Immutable, any thread.
 */
record JoinRequest(String name, String appId, String persistentId, String url, String tove,
                   JsonElement user, double tickMs, double delayMs, long leaveDelayMs,
                   boolean rawtime, JsonObject flags, String heraldUrl, boolean location) {

    static final double DEFAULT_TICK_MS = 200;
    private static final int MAX_STRING = 1024;
    private static final int MAX_TOVE = 8192;
    private static final int MAX_USER_CHARS = 16384;

    static JoinRequest parse(JsonElement args, Set<String> apiKeys) throws ProtocolException {
        JsonObject o = Json.objectOrNull(args);
        if (o == null || !Json.truthy(o.get("version"))) {
            throw protocol("JOIN needs an args object with a truthy version");
        }
        checkApiKey(o.get("apiKey"), apiKeys);
        JsonElement user = user(o.get("user"));
        double tick = JoinRequest.DEFAULT_TICK_MS;
        double delay = 0;
        JsonElement ticks = o.get("ticks");
        if (!Json.absent(ticks)) {
            JsonObject t = Json.objectOrNull(ticks);
            if (t == null) {
                throw protocol("JOIN ticks must be an object {tick, delay}");
            }
            tick = number(t, "tick", 1, 60_000, DEFAULT_TICK_MS);
            delay = number(t, "delay", 0, 60_000, 0);
        }
        long leaveDelay = (long) number(o, "leaveDelay", 0, 120_000, 0);
        number(o, "dormantDelay", 0, 1e9, 0);
        return new JoinRequest(string(o, "name", MAX_STRING), string(o, "appId", MAX_STRING),
                string(o, "persistentId", MAX_STRING), string(o, "url", MAX_STRING),
                string(o, "tove", MAX_TOVE), user, tick, delay, leaveDelay, flag(o, "rawtime"), flags(o),
                heraldUrl(o), Json.truthy(o.get("location")));
    }

    private static void checkApiKey(JsonElement key, Set<String> apiKeys) throws ProtocolException {
        if (!Json.isString(key) || key.getAsString().length() > MAX_STRING) {
            throw new ProtocolException(CloseReason.BAD_API_KEY, "bad_api_key", "JOIN needs a string apiKey");
        }
        if (apiKeys != null && !apiKeys.contains(key.getAsString())) {
            throw new ProtocolException(CloseReason.BAD_API_KEY, "bad_api_key", "unknown apiKey");
        }
    }

    /** {@code viewId}, {@code [viewId, ...]} or {@code {id: viewId, ...}}: a client without one never syncs. */
    private static JsonElement user(JsonElement user) throws ProtocolException {
        boolean ok = Json.isString(user)
                || user != null && user.isJsonArray() && user.getAsJsonArray().size() > 0
                        && Json.isString(user.getAsJsonArray().get(0))
                || user != null && user.isJsonObject() && Json.isString(user.getAsJsonObject().get("id"));
        if (!ok || user.toString().length() > MAX_USER_CHARS) {
            throw protocol("JOIN user must be a viewId string, [viewId, ...] or {id: viewId, ...}");
        }
        return user.deepCopy();
    }

    /** An absolute http(s) URL of at most 256 chars, as Croquet's client requires; null when absent. */
    private static String heraldUrl(JsonObject o) throws ProtocolException {
        String url = string(o, "heraldUrl", Herald.MAX_URL_CHARS);
        if (url != null && !url.isEmpty()) {
            try {
                URI uri = new URI(url);
                if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    return url;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw protocol("JOIN heraldUrl must be an absolute http(s) URL, not " + url);
        }
        return null;
    }

    /** Only {@code rawtime} and {@code microverse} are honoured, as in Croquet. */
    private static JsonObject flags(JsonObject o) throws ProtocolException {
        JsonObject flags = new JsonObject();
        JsonElement e = o.get("flags");
        if (Json.absent(e)) {
            return flags;
        }
        if (!e.isJsonObject()) {
            throw protocol("JOIN flags must be an object");
        }
        for (String name : new String[] {"rawtime", "microverse"}) {
            JsonElement f = e.getAsJsonObject().get(name);
            if (Json.truthy(f)) {
                flags.addProperty(name, true);
            }
        }
        return flags;
    }

    private static boolean flag(JsonObject o, String name) {
        JsonObject flags = Json.objectOrNull(o.get("flags"));
        return flags != null && Json.truthy(flags.get(name));
    }

    private static String string(JsonObject o, String field, int max) throws ProtocolException {
        try {
            return Json.optionalString(o, field, max);
        } catch (ProtocolException e) {
            throw protocol("JOIN " + e.getMessage());
        }
    }

    private static double number(JsonObject o, String field, double min, double max, double fallback)
            throws ProtocolException {
        try {
            return Json.optionalNumber(o, field, min, max, fallback);
        } catch (ProtocolException e) {
            throw protocol("JOIN " + e.getMessage());
        }
    }

    private static ProtocolException protocol(String message) {
        return new ProtocolException(CloseReason.BAD_PROTOCOL, "bad_join", message);
    }
}
