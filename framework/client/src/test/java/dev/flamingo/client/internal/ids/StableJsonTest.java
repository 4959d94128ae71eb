package dev.flamingo.client.internal.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StableJsonTest {

    @Test
    void sortsKeysAndEscapesLikeJsonStringify() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("y", List.of());
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", "a\u2028<>&=\"\\\n\u0001\ud800x");
        value.put("a", Arrays.asList(1, null, true));
        value.put("B", inner);
        // node: JSON.stringify with keys inserted in sorted order
        assertEquals("{\"B\":{\"y\":[],\"z\":1},\"a\":[1,null,true],\"b\":\"a\u2028<>&=\\\"\\\\\\n\\u0001\\ud800x\"}",
                StableJson.stringify(value, "options"));
    }

    @Test
    void rejectsNonJsonValuesNamingThePath() {
        Map<String, Object> value = Map.of("shape", List.of(1, 2, new Object()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StableJson.stringify(value, "options"));
        assertTrue(e.getMessage().startsWith("options.shape[2] -> java.lang.Object is not JSON"), e.getMessage());
    }

    @Test
    void rejectsNaN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StableJson.copy(Map.of("x", Double.NaN), "viewData"));
        assertTrue(e.getMessage().contains("viewData.x"), e.getMessage());
    }

    @Test
    void copyIsDeepIntoSnapshotFriendlyTypes() {
        List<Object> list = new java.util.ArrayList<>(List.of(1));
        Object copy = StableJson.copy(Map.of("l", list), "options");
        list.add(2);
        assertEquals("{\"l\":[1]}", StableJson.stringify(copy, "options"));
        assertEquals(java.util.TreeMap.class, copy.getClass());
        assertEquals(java.util.ArrayList.class, ((Map<?, ?>) copy).get("l").getClass());
    }
}
