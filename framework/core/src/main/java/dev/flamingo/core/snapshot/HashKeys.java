package dev.flamingo.core.snapshot;

import java.util.Collection;

/**
 * Finds HashMap/HashSet keys whose hash code comes from object identity, directly (an enum, a class
 * without its own hashCode, an array) or through a record or list built from such values; identity
 * hash codes differ between JVMs, so such a map iterates in a different order on every replica.
 * Stateless, any thread.
 */
final class HashKeys {

  /** Records and lists are searched this deep; deeper structures are not inspected. */
  private static final int DEPTH = 3;

  private HashKeys() {}

  /** Returns the value inside {@code key} (possibly the key) that hashes by identity, or null. */
  static Object identityHashed(TypeRegistry registry, Object key) {
    return find(registry, key, DEPTH);
  }

  private static Object find(TypeRegistry registry, Object value, int depth) {
    if (value == null || depth == 0) {
      return null;
    }
    TypeInfo info = registry.infoFor(value.getClass());
    if (info.kind == TypeInfo.UNSUPPORTED) {
      return null; // the encoder reports it with a better message
    }
    if (info.hashesByIdentity()) {
      return value;
    }
    switch (info.kind) {
      case TypeInfo.RECORD:
        RecordPlan plan = info.record();
        for (int i = 0; i < plan.names.length; i++) {
          Object found = find(registry, plan.component(value, i), depth - 1);
          if (found != null) {
            return found;
          }
        }
        return null;
      case TypeInfo.IMMUTABLE_LIST:
      case TypeInfo.ARRAY_LIST:
      case TypeInfo.LINKED_LIST:
        for (Object element : (Collection<?>) value) {
          Object found = find(registry, element, depth - 1);
          if (found != null) {
            return found;
          }
        }
        return null;
      default:
        return null;
    }
  }

  static String problem(Object key, Object culprit) {
    String fix = " so a HashMap/HashSet keyed by it iterates in a different order on every replica;"
        + " use EnumMap/EnumSet (enum keys), LinkedHashMap/LinkedHashSet or TreeMap/TreeSet, or give"
        + " the class a hashCode that does not use identity (for enums inside it: use ordinal())";
    if (culprit == key) {
      return key.getClass().getName() + " hashes by identity (an enum, an array, or a class that does"
          + " not override hashCode)," + fix;
    }
    return "the key " + key + " hashes through " + culprit.getClass().getName() + " " + culprit
        + ", which hashes by identity," + fix;
  }
}
