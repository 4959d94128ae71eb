package dev.flamingo.core.snapshot;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JDK types the codec supports out of the box, under reserved {@code java.} ids; stateless.
 * Encodings refer to them by registration order: changing the order or inserting a type in the
 * middle needs a new {@link Format#VERSION}.
 */
final class Builtins {

  private Builtins() {}

  static void registerAll(TypeRegistry r) {
    add(r, "java.lang.String", String.class, TypeInfo.STRING);
    add(r, "java.lang.Boolean", Boolean.class, TypeInfo.BOOLEAN);
    add(r, "java.lang.Byte", Byte.class, TypeInfo.BYTE);
    add(r, "java.lang.Short", Short.class, TypeInfo.SHORT);
    add(r, "java.lang.Character", Character.class, TypeInfo.CHAR);
    add(r, "java.lang.Integer", Integer.class, TypeInfo.INT);
    add(r, "java.lang.Long", Long.class, TypeInfo.LONG);
    add(r, "java.lang.Float", Float.class, TypeInfo.FLOAT);
    add(r, "java.lang.Double", Double.class, TypeInfo.DOUBLE);
    add(r, "java.math.BigInteger", BigInteger.class, TypeInfo.BIG_INTEGER);
    add(r, "java.math.BigDecimal", BigDecimal.class, TypeInfo.BIG_DECIMAL);
    TypeInfo object = add(r, "java.lang.Object", Object.class, TypeInfo.PLAIN);
    r.addBuiltin(new TypeInfo("java.lang.Object[]", Object[].class, TypeInfo.ARR_OBJECT, r.nextSerial(),
        null, null, null, object));
    add(r, "java.boolean[]", boolean[].class, TypeInfo.ARR_BOOLEAN);
    add(r, "java.byte[]", byte[].class, TypeInfo.ARR_BYTE);
    add(r, "java.short[]", short[].class, TypeInfo.ARR_SHORT);
    add(r, "java.char[]", char[].class, TypeInfo.ARR_CHAR);
    add(r, "java.int[]", int[].class, TypeInfo.ARR_INT);
    add(r, "java.long[]", long[].class, TypeInfo.ARR_LONG);
    add(r, "java.float[]", float[].class, TypeInfo.ARR_FLOAT);
    add(r, "java.double[]", double[].class, TypeInfo.ARR_DOUBLE);
    add(r, "java.util.ArrayList", ArrayList.class, TypeInfo.ARRAY_LIST);
    add(r, "java.util.LinkedList", LinkedList.class, TypeInfo.LINKED_LIST);
    add(r, "java.util.ArrayDeque", ArrayDeque.class, TypeInfo.ARRAY_DEQUE);
    add(r, "java.util.HashMap", HashMap.class, TypeInfo.HASH_MAP);
    add(r, "java.util.LinkedHashMap", LinkedHashMap.class, TypeInfo.LINKED_HASH_MAP);
    add(r, "java.util.TreeMap", TreeMap.class, TypeInfo.TREE_MAP);
    add(r, "java.util.HashSet", HashSet.class, TypeInfo.HASH_SET);
    add(r, "java.util.LinkedHashSet", LinkedHashSet.class, TypeInfo.LINKED_HASH_SET);
    add(r, "java.util.TreeSet", TreeSet.class, TypeInfo.TREE_SET);
    TypeInfo enumSet = add(r, "java.util.EnumSet", EnumLayout.REGULAR_SET, TypeInfo.ENUM_SET);
    r.addAlias(EnumLayout.JUMBO_SET, enumSet);
    add(r, "java.util.EnumMap", EnumMap.class, TypeInfo.ENUM_MAP);
    TypeInfo immutableList = add(r, "java.util.List.of", List.of().getClass(), TypeInfo.IMMUTABLE_LIST);
    r.addAlias(List.of(1).getClass(), immutableList);
    singleton(r, "java.util.Collections.emptyList", Collections.emptyList());
    singleton(r, "java.util.Collections.emptySet", Collections.emptySet());
    singleton(r, "java.util.Collections.emptyMap", Collections.emptyMap());
    singleton(r, "java.util.Comparator.naturalOrder", Comparator.naturalOrder());
    singleton(r, "java.util.Comparator.reverseOrder", Comparator.reverseOrder());
    singleton(r, "java.lang.String.CASE_INSENSITIVE_ORDER", String.CASE_INSENSITIVE_ORDER);
    for (Class<?> c : List.of(Number.class, CharSequence.class, Comparable.class, Enum.class,
        Record.class, Collection.class, List.class, Set.class, Map.class, Queue.class, Deque.class,
        Comparator.class)) {
      add(r, "java." + c.getSimpleName(), c, TypeInfo.ABSTRACT);
    }
  }

  private static TypeInfo add(TypeRegistry r, String id, Class<?> type, int kind) {
    TypeInfo info = new TypeInfo(id, type, kind, r.nextSerial(), null, null, null, null);
    r.addBuiltin(info);
    return info;
  }

  private static void singleton(TypeRegistry r, String id, Object instance) {
    r.addBuiltin(new TypeInfo(id, instance.getClass(), TypeInfo.SINGLETON, r.nextSerial(), null,
        instance, null, null));
  }

  static boolean isJdk(Class<?> c) {
    String n = c.getName();
    return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.")
        || n.startsWith("sun.") || n.startsWith("com.sun.");
  }

  /** The message for a class with no registration: what it is and how to make it storable. */
  static String whyUnsupported(Class<?> type) {
    String name = type.getName();
    if (type.isHidden() || name.contains("$$Lambda")) {
      return "a lambda (" + name + ") cannot be stored: lambdas have no stable identity across"
          + " replicas; use an instance of a registered class (e.g. one implementing Comparator)";
    }
    if (name.startsWith("java.util.ImmutableCollections$Map")
        || name.startsWith("java.util.ImmutableCollections$Set")) {
      return name + " (Map.of/Set.of/copyOf) iterates in an order that is randomized on every JVM"
          + " run, so replicas would diverge; use LinkedHashMap/LinkedHashSet or TreeMap/TreeSet";
    }
    if (Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      return name + " is not a supported collection; use ArrayList, LinkedList, ArrayDeque,"
          + " HashMap, LinkedHashMap, TreeMap, HashSet, LinkedHashSet, TreeSet or List.of, or"
          + " register a TypeAdapter: register(\"app." + type.getSimpleName() + "\", "
          + type.getSimpleName() + ".class, adapter)";
    }
    if (isJdk(type)) {
      return name + " is not supported; register a TypeAdapter for it: register(\"app."
          + type.getSimpleName() + "\", " + type.getSimpleName() + ".class, adapter)";
    }
    return name + " is not registered; register it under a stable id: register(\""
        + type.getSimpleName() + "\", " + name + ".class)";
  }
}
