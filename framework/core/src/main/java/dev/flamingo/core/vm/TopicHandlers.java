package dev.flamingo.core.vm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The handlers of one topic as the subscription table holds them: the {@link MethodRef} itself while
 * it is the only one (most topics, e.g. a model subscribing to its own events), an insertion-ordered set
 * from the second on. Why: a set per topic was four objects per model, a third of what restoring
 * 100,000 models allocated. Stateless; the values it handles are model-thread only.
 */
final class TopicHandlers {
  private TopicHandlers() {}

  /** {@code handlers} (null when none) with {@code ref} added last, or null if {@code ref} is already there. */
  static Object add(Object handlers, MethodRef ref) {
    if (handlers == null) {
      return ref;
    }
    if (handlers instanceof MethodRef only) {
      if (only.equals(ref)) {
        return null;
      }
      LinkedHashSet<MethodRef> set = new LinkedHashSet<>();
      set.add(only);
      set.add(ref);
      return set;
    }
    return set(handlers).add(ref) ? handlers : null;
  }

  /** {@code handlers} without {@code ref}, or null when none is left. */
  static Object remove(Object handlers, MethodRef ref) {
    if (handlers instanceof MethodRef only) {
      return only.equals(ref) ? null : only;
    }
    LinkedHashSet<MethodRef> set = set(handlers);
    set.remove(ref);
    return set.isEmpty() ? null : set;
  }

  static boolean contains(Object handlers, MethodRef ref) {
    return handlers instanceof MethodRef only ? only.equals(ref) : handlers != null && set(handlers).contains(ref);
  }

  static int size(Object handlers) {
    return handlers instanceof MethodRef ? 1 : set(handlers).size();
  }

  /** A copy in subscription order, so dispatch can change the table meanwhile. */
  static List<MethodRef> copy(Object handlers) {
    if (handlers == null) {
      return List.of();
    }
    return handlers instanceof MethodRef only ? List.of(only) : List.copyOf(set(handlers));
  }

  static void forEach(Object handlers, Consumer<MethodRef> visitor) {
    if (handlers instanceof MethodRef only) {
      visitor.accept(only);
    } else {
      set(handlers).forEach(visitor);
    }
  }

  @SuppressWarnings("unchecked")
  private static LinkedHashSet<MethodRef> set(Object handlers) {
    return (LinkedHashSet<MethodRef>) handlers;
  }
}
