package dev.flamingo.core.guard;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The canonical text of a registered constant: typed (so {@code 1}, {@code 1L} and {@code 1.0} differ),
 * bit-exact for floating point, and independent of set and map iteration order. Thread rule: stateless.
 */
final class ConstantForm {
  private ConstantForm() {}

  /**
   * @throws IllegalArgumentException naming {@code path} when a value has no stable form
   */
  static String of(String path, Object value) {
    if (value == null || value instanceof Boolean) {
      return String.valueOf(value);
    }
    if (value instanceof String text) {
      return quote(text);
    }
    String number = number(value);
    if (number != null) {
      return number;
    }
    if (value instanceof Enum<?> constant) {
      return "enum:" + constant.getDeclaringClass().getName() + "." + constant.name();
    }
    if (value instanceof Record record) {
      return record(path, record);
    }
    return container(path, value);
  }

  private static String number(Object value) {
    if (value instanceof Double d) {
      return "d:" + Long.toHexString(Double.doubleToLongBits(d));
    }
    if (value instanceof Float f) {
      return "f:" + Integer.toHexString(Float.floatToIntBits(f));
    }
    if (value instanceof Character c) {
      return "c:" + (int) c;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger || value instanceof BigDecimal) {
      return value.getClass().getSimpleName() + ":" + value;
    }
    return null;
  }

  private static String container(String path, Object value) {
    if (value instanceof List<?> list) {
      return IntStream.range(0, list.size()).mapToObj(i -> of(path + "[" + i + "]", list.get(i)))
          .collect(Collectors.joining(",", "[", "]"));
    }
    if (value.getClass().isArray()) {
      return IntStream.range(0, Array.getLength(value)).mapToObj(i -> of(path + "[" + i + "]", Array.get(value, i)))
          .collect(Collectors.joining(",", "[", "]"));
    }
    if (value instanceof Set<?> set) {
      return set.stream().map(element -> of(path + "{}", element)).sorted()
          .collect(Collectors.joining(",", "set{", "}"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> of(path + "{}", e.getKey()) + "=" + of(path + "[" + e.getKey() + "]", e.getValue()))
          .sorted().collect(Collectors.joining(",", "{", "}"));
    }
    String kind = value instanceof Collection<?> ? " (use a List, Set or Map)" : "";
    throw new IllegalArgumentException("constant " + path + " has a value of type "
        + value.getClass().getName() + kind + ", which has no stable canonical form; use null, String,"
        + " boolean, numbers, char, enums, records, lists, sets, maps or arrays of those");
  }

  private static String record(String path, Record record) {
    StringBuilder text = new StringBuilder("record:").append(record.getClass().getName()).append('{');
    RecordComponent[] components = record.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      text.append(i == 0 ? "" : ",").append(name).append('=')
          .append(of(path + "." + name, component(path, record, components[i])));
    }
    return text.append('}').toString();
  }

  private static Object component(String path, Record record, RecordComponent component) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
      throw new IllegalArgumentException("constant " + path + ": cannot read record component "
          + component.getName() + " of " + record.getClass().getName(), e);
    }
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    text.chars().forEach(ch -> {
      if (ch == '"' || ch == '\\') {
        quoted.append('\\').append((char) ch);
      } else if (ch < 0x20) {
        quoted.append(String.format(java.util.Locale.ROOT, "\\u%04x", ch));
      } else {
        quoted.append((char) ch);
      }
    });
    return quoted.append('"').toString();
  }
}
