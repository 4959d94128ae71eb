package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JoinRequestTest {
    private static JoinRequest parse(String json, Set<String> keys) throws ProtocolException {
        return JoinRequest.parse(JsonParser.parseString(json), keys);
    }

    @Test
    void croquetJoinIsAccepted() throws ProtocolException {
        JoinRequest r = parse("{\"name\":\"a/b\",\"apiKey\":\"none\",\"appId\":\"a\",\"persistentId\":\"p\","
                + "\"version\":1,\"user\":[\"v1\"],\"ticks\":{\"tick\":50,\"delay\":17},\"leaveDelay\":1250,"
                + "\"flags\":{\"rawtime\":true,\"other\":true},\"tove\":\"t\",\"location\":true}", null);
        assertEquals(50, r.tickMs());
        assertEquals(17, r.delayMs());
        assertEquals(1250, r.leaveDelayMs());
        assertEquals("{\"rawtime\":true}", r.flags().toString(), "only rawtime and microverse are kept");
        assertTrue(r.location());
    }

    @Test
    void missingTicksFallsBackToCroquetsDefault() throws ProtocolException {
        assertEquals(200, parse("{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\"}", null).tickMs());
    }

    @Test
    void apiKeyMustBeListedWhenKeysAreConfigured() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> parse("{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\"}", Set.of("other")));
        assertEquals(CloseReason.BAD_API_KEY, e.reason);
    }

    @Test
    void mistypedFieldsAreProtocolErrors() {
        for (String bad : new String[] {"null", "3", "{}", "{\"version\":1,\"apiKey\":\"k\",\"user\":{}}",
            "{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\",\"leaveDelay\":\"x\"}",
            "{\"version\":1,\"apiKey\":\"k\",\"user\":\"u\",\"ticks\":{\"tick\":1e9}}"}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> parse(bad, null), bad);
            assertEquals(CloseReason.BAD_PROTOCOL, e.reason, bad);
        }
    }
}
