package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written frame parser accepts, refuses and reads exactly what strict Gson did before it. */
class FrameTest {
    private static final String NASTY = "{}[]\",:\\ \t\n\r\f0123456789.-+eEtrufalsn\u0000\u001f\u00e9\ufeff\ud83d/'ux";

    @Test
    void edgeCasesMatchGson() {
        List<String> cases = List.of("", " ", "\ufeff{\"action\":\"A\"}", "\ufeff\ufeff{}", "{}\f", "{\"action\":TRUE}",
                "{\"action\":\"\\'\"}", "{\"action\":\"\u0001\"}", "{\"action\":\"a\",\"action\":5}",
                "{\"action\":5,\"action\":\"a\"}", "{\"\\u0061ction\":\"A\"}", "{\"action\":\"\\u0041\\n\"}",
                "{\"action\":\"A\",\"args\":01}", "{\"action\":\"A\",\"args\":-0}", "{\"action\":\"A\",\"args\":1.}",
                "{\"action\":\"A\",\"args\":1e999}", "{\"action\":\"A\",\"args\":1E+2}", "{\"action\":\"A\",\"args\":\"\\u00zz\"}",
                "{\"action\":\"A\",\"args\":\"\\u\u0663\u0663\u0663\u0663\"}", "{\"action\":\"A\",\"tags\":null}",
                "{\"action\":\"A\",\"tags\":[]}", "{\"action\":\"A\",\"tags\":{\"debounce\":5}}", "[1,2]", "\"JOIN\"",
                "{\"action\":\"A\"} x", "{\"action\":\"A\",}", "{,}", "{\"action\":\"A\" \"args\":1}", "{\"a\":[1,]}",
                "{\"action\":\"A\",\"args\":[0,0,\"p\",{ \"x\" : [ 1 , \"a b\" ] }]}", "{\"action\":\"A\",\"args\":nul}",
                "{\"action\":\"A\",\"args\":truex}", "{\"action\":\"SEND\",\"args\":{\"x\":[1,2,\"p\"]}}",
                "{\"action\":\"A\",\"args\":[1],\"args\":[0,0,\"p\"]}", "{\"action\":\"A\",\"args\":[0,0,\"p\"],\"args\":[1]}");
        cases.forEach(FrameTest::assertSameAsGson);
        for (int depth : new int[] {254, 255, 256}) {
            assertSameAsGson("{\"action\":\"A\",\"args\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}");
        }
    }

    @Test
    void randomAndMutatedFramesMatchGson() {
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder frame = new StringBuilder("{").append(space(random)).append("\"action\"").append(space(random))
                    .append(':').append(random.nextInt(8) == 0 ? value(random, 0) : "\"SEND\"").append(',')
                    .append(space(random)).append("\"args\":").append(space(random)).append(sendArgs(random));
            if (random.nextBoolean()) {
                frame.append(",\"tags\":").append(random.nextBoolean() ? value(random, 0) : "{\"debounce\":5}");
            }
            frame.append(space(random)).append('}');
            for (int m = random.nextInt(4); m > 0; m--) {
                mutate(frame, random);
            }
            assertSameAsGson(frame.toString());
        }
    }

    /** What the Gson-based parser did: the oracle. */
    private static Object gson(String text) {
        JsonElement root;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return "not_json";
            }
        } catch (Exception | StackOverflowError e) {
            return "not_json";
        }
        if (!root.isJsonObject()) {
            return "not_object";
        }
        JsonElement action = root.getAsJsonObject().get("action");
        if (!Json.isString(action)) {
            return "no_action";
        }
        JsonElement tags = root.getAsJsonObject().get("tags");
        if (tags != null && !tags.isJsonNull() && !tags.isJsonObject()) {
            return "bad_tags";
        }
        return root.getAsJsonObject();
    }

    private static void assertSameAsGson(String raw) {
        Object expected = gson(raw);
        String text = show(raw);
        Frame frame;
        try {
            frame = Frame.parse(raw);
        } catch (ProtocolException e) {
            assertEquals(expected, e.label, text);
            assertEquals(CloseReason.MALFORMED, e.reason, text);
            return;
        }
        JsonObject root = (JsonObject) expected;
        assertEquals(root.get("action").getAsString(), frame.action(), text);
        assertEquals(root.get("args"), frame.args(), text);
        JsonElement tags = root.get("tags");
        assertEquals(tags == null || tags.isJsonNull() ? null : tags, frame.tags(), text);
        assertSameMessage(root.get("args"), frame, text);
    }

    /** A SEND's message is refused or stamped exactly as validating and re-encoding the tree did. */
    private static void assertSameMessage(JsonElement args, Frame frame, String text) {
        JsonArray expected;
        try {
            expected = ClientMessages.validMessage(args);
        } catch (ProtocolException e) {
            assertThrowsBadArgs(frame, text);
            return;
        }
        Submission message;
        try {
            message = frame.message();
        } catch (ProtocolException e) {
            throw new AssertionError("refused " + text, e);
        }
        expected.set(0, new JsonPrimitive(7L));
        expected.set(1, new JsonPrimitive(4294967280L));
        String stamped = message.stamped(7, 4294967280L, false, 0);
        assertEquals(expected, JsonParser.parseString(stamped), text);
        assertEquals(-1, stamped.indexOf('\n'), "one journal line: " + text);
        expected.set(expected.size() - 1, new JsonPrimitive(99L));
        assertEquals(expected, JsonParser.parseString(message.stamped(7, 4294967280L, true, 99)), text);
    }

    private static void assertThrowsBadArgs(Frame frame, String text) {
        try {
            frame.message();
        } catch (ProtocolException e) {
            assertEquals("bad_args", e.label, text);
            return;
        }
        throw new AssertionError("accepted " + text);
    }

    /** The frame with control and non-ASCII chars escaped, for readable failure messages. */
    private static String show(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("<%04x>", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static String sendArgs(Random random) {
        if (random.nextInt(10) == 0) {
            return value(random, 0);
        }
        StringBuilder a = new StringBuilder("[").append(value(random, 2)).append(',').append(space(random))
                .append(value(random, 2)).append(',').append(random.nextInt(8) == 0 ? value(random, 1) : string(random));
        for (int n = random.nextInt(random.nextInt(20) == 0 ? 20 : 3); n > 0; n--) {
            a.append(space(random)).append(',').append(space(random)).append(value(random, 1));
        }
        return a.append(space(random)).append(']').toString();
    }

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> string(random);
            case 1 -> number(random);
            case 2 -> List.of("true", "false", "null").get(random.nextInt(3));
            case 3 -> string(random);
            case 4 -> number(random);
            case 5 -> "[" + space(random) + (random.nextBoolean() ? "" : value(random, depth + 1) + ","
                    + space(random) + value(random, depth + 1)) + "]";
            default -> "{" + space(random) + (random.nextBoolean() ? "" : string(random) + space(random) + ":"
                    + value(random, depth + 1)) + space(random) + "}";
        };
    }

    private static String number(Random random) {
        String[] forms = {"0", "-0", "12", "-3.25", "1e5", "2E-7", "6.02e+23", "12345678901234567890", "1e999"};
        return forms[random.nextInt(forms.length)];
    }

    private static String string(Random random) {
        StringBuilder s = new StringBuilder("\"");
        for (int n = random.nextInt(12); n > 0; n--) {
            switch (random.nextInt(8)) {
                case 0 -> s.append("\\").append("\"\\/bfnrt".charAt(random.nextInt(8)));
                case 1 -> s.append("\\u").append(String.format("%04x", random.nextInt(0x10000)));
                case 2 -> s.append("\u00e9\ud83d\ude00\u2028");
                default -> s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.append('"').toString();
    }

    private static String space(Random random) {
        return random.nextInt(4) == 0 ? " \n\t\r".substring(random.nextInt(4)) : "";
    }

    private static void mutate(StringBuilder frame, Random random) {
        int at = random.nextInt(frame.length() + 1);
        char c = NASTY.charAt(random.nextInt(NASTY.length()));
        switch (random.nextInt(3)) {
            case 0 -> frame.insert(at, c);
            case 1 -> {
                if (at < frame.length()) {
                    frame.deleteCharAt(at);
                }
            }
            default -> {
                if (at < frame.length()) {
                    frame.setCharAt(at, c);
                }
            }
        }
    }

    @Test
    void absentArgsAndTagsAreNull() throws ProtocolException {
        Frame frame = Frame.parse("{\"action\":\"PULSE\"}");
        assertNull(frame.args());
        assertNull(frame.tags());
    }
}
