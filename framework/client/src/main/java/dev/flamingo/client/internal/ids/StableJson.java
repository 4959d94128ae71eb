package dev.flamingo.client.internal.ids;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Croquet's {@code stableStringify}: JSON with object keys sorted (UTF-16 order, as JavaScript sorts), so equal
 * options always hash equally. Accepts null, Boolean, Number, String/Character, List/Collection/array and
 * Map with String keys; anything else is rejected with its path. Stateless; any thread.
 */
public final class StableJson {

    private StableJson() {
    }

    /** Serializes a JSON-like value with sorted keys; {@code path} names the value in error messages. */
    public static String stringify(Object value, String path) {
        StringBuilder out = new StringBuilder();
        write(value, path, out);
        return out.toString();
    }

    /**
     * Deep-copies a JSON-like value into {@link ArrayList}s and {@link TreeMap}s (types every snapshot can
     * hold), rejecting unsupported values with their path (e.g. {@code options.shape[2] -> java.awt.Point is
     * not JSON}).
     */
    public static Object copy(Object value, String path) {
        if (value == null || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof Number number) {
            checkNumber(number, path);
            return number;
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> copy = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = key(e.getKey(), path);
                copy.put(key, copy(e.getValue(), path + "." + key));
            }
            return copy;
        }
        List<Object> items = asList(value, path);
        List<Object> copy = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            copy.add(copy(items.get(i), path + "[" + i + "]"));
        }
        return copy;
    }

    private static void write(Object value, String path, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Number number) {
            writeNumber(number, path, out);
        } else if (value instanceof String || value instanceof Character) {
            quote(value.toString(), out);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, path, out);
        } else {
            writeArray(asList(value, path), path, out);
        }
    }

    private static void writeObject(Map<?, ?> map, String path, StringBuilder out) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            sorted.put(key(e.getKey(), path), e.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(e.getKey(), out);
            out.append(':');
            write(e.getValue(), path + "." + e.getKey(), out);
        }
        out.append('}');
    }

    private static void writeArray(List<Object> items, String path, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(items.get(i), path + "[" + i + "]", out);
        }
        out.append(']');
    }

    private static void writeNumber(Number number, String path, StringBuilder out) {
        checkNumber(number, path);
        // JavaScript holds every number as a double, so a large long prints as its nearest double would.
        out.append(JsNumbers.toJs(number.doubleValue()));
    }

    private static void checkNumber(Number number, String path) {
        double d = number.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(path + " -> " + number + " is not a finite number; JSON has no "
                    + "NaN or Infinity");
        }
        if (!(number instanceof Integer || number instanceof Long || number instanceof Double
                || number instanceof Float || number instanceof Short || number instanceof Byte
                || number instanceof BigDecimal || number instanceof BigInteger)) {
            throw new IllegalArgumentException(path + " -> " + number.getClass().getName()
                    + " is not a supported JSON number type");
        }
    }

    private static String key(Object key, String path) {
        if (!(key instanceof String s)) {
            throw new IllegalArgumentException(path + " has a non-String key " + key
                    + "; JSON object keys must be Strings");
        }
        return s;
    }

    private static List<Object> asList(Object value, String path) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        throw new IllegalArgumentException(path + " -> " + value.getClass().getName()
                + " is not JSON; use null, Boolean, Number, String, List or Map<String, ?>");
    }

    /** Appends {@code s} as a JSON string literal exactly as {@code JSON.stringify} would. */
    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // Well-formed JSON.stringify (ES2019) escapes unpaired surrogates instead of emitting invalid UTF-16.
    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
