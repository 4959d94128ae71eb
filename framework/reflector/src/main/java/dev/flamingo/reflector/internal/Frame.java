package dev.flamingo.reflector.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * One parsed client frame: {@code {"action": "...", "args": ..., "tags": {...}}}; {@code id} is ignored
 * because the URL names the session. Immutable, any thread.
 */
record Frame(String action, JsonElement args, JsonObject tags) {

    /** Parses strictly: one JSON object, nothing after it, nesting bounded by Gson's limit. */
    static Frame parse(String text) throws ProtocolException {
        JsonElement root;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ProtocolException(CloseReason.MALFORMED, "not_json", "trailing data after the JSON object");
            }
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new ProtocolException(CloseReason.MALFORMED, "not_json", "frame is not JSON");
        }
        if (!root.isJsonObject()) {
            throw new ProtocolException(CloseReason.MALFORMED, "not_object", "frame is not a JSON object");
        }
        JsonObject object = root.getAsJsonObject();
        JsonElement action = object.get("action");
        if (!Json.isString(action)) {
            throw new ProtocolException(CloseReason.MALFORMED, "no_action", "frame has no string action");
        }
        JsonElement tags = object.get("tags");
        if (tags != null && !tags.isJsonNull() && !tags.isJsonObject()) {
            throw new ProtocolException(CloseReason.MALFORMED, "bad_tags", "tags must be an object");
        }
        JsonObject tagObject = tags != null && tags.isJsonObject() ? tags.getAsJsonObject() : null;
        return new Frame(action.getAsString(), object.get("args"), tagObject);
    }
}
