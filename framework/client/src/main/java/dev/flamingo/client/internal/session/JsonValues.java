package dev.flamingo.client.internal.session;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JSON text (viewData, vote payloads) into plain Java values the snapshot codec stores: TreeMap,
 * ArrayList, String, Boolean, Long for integral numbers, Double otherwise, null. Every replica parses the
 * same text to the same values. Stateless; any thread.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Object parse(String json) {
        return toJava(JsonParser.parseString(json));
    }

    static Object toJava(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            Map<String, Object> map = new TreeMap<>();
            e.getAsJsonObject().entrySet().forEach(entry -> map.put(entry.getKey(), toJava(entry.getValue())));
            return map;
        }
        if (e.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            e.getAsJsonArray().forEach(item -> list.add(toJava(item)));
            return list;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isString()) {
            return p.getAsString();
        }
        BigDecimal number = p.getAsBigDecimal();
        try {
            return number.longValueExact();
        } catch (ArithmeticException notIntegral) {
            return number.doubleValue();
        }
    }
}
