package dev.flamingo.client.internal.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionIdsTest {

    @Test
    void derivesIdsAsCroquetDoes() {
        // Expected values computed independently with Python hashlib from Croquet's formulas (§2.7).
        SessionIds ids = SessionIds.derive("com.example.chat", "room1",
                Map.of("region", "eu", "color", "red", "n", 1.5), List.of("region"), SessionIds.hash("0.1.0|abc|def"));
        assertEquals("0f7Yb628NTLBgCiErzID2xOHv7wBJC4hhzxSIYtGVZQ", ids.persistentId());
        assertEquals("q8K0QNvZWTk7lVET5QgUc52EL7c5-2ngm5FfkoZkShw", ids.versionId());
        assertEquals("sz0k_crss0wEq7uBs1xWQigv5knq9MNXm4Ai-5yVCqg", ids.sessionId());
    }

    @Test
    void persistentIdIgnoresCodeAndNonPersistentOptions() {
        SessionIds a = SessionIds.derive("a.b", "n", Map.of("x", 1), List.of(), "v1");
        SessionIds b = SessionIds.derive("a.b", "n", Map.of("x", 2), List.of(), "v2");
        assertEquals(a.persistentId(), b.persistentId());
        assertNotEquals(a.sessionId(), b.sessionId());
        assertNotEquals(a.versionId(), b.versionId());
    }

    @Test
    void persistentKeyMustExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SessionIds.derive("a.b", "n", Map.of(), List.of("room"), "v"));
        assertEquals("persistentIdOptions names \"room\" but options has no such key; options keys are []",
                e.getMessage());
    }

    @Test
    void hashIs43CharBase64Url() {
        assertEquals(43, SessionIds.hash("anything").length());
    }
}
