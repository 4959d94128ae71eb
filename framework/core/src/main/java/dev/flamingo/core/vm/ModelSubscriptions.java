package dev.flamingo.core.vm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Model subscriptions: per topic in subscription order, plus generic ({@code "*"}) ones in one flat list,
 * both replicated (the codec stores this object field by field); the per-model reverse index is rebuilt
 * on restore. Model thread only.
 */
final class ModelSubscriptions {
  private LinkedHashMap<String, List<MethodRef>> byTopic = new LinkedHashMap<>();
  private ArrayList<Generic> generic = new ArrayList<>();
  // Not replicated: rebuilt by rebuildIndex() after a restore.
  private transient Map<String, Set<String>> topicsByModel = new HashMap<>();
  // Counts removals, so dispatch re-checks liveness only after a handler unsubscribed something.
  private transient long removals;

  /** A generic subscription: {@code "*"} in scope and/or event. */
  record Generic(String scope, String event, MethodRef ref) {
    boolean matches(String eventScope, String eventName) {
      return (scope.equals("*") || scope.equals(eventScope)) && (event.equals("*") || event.equals(eventName));
    }
  }

  static String topic(String scope, String event) {
    return scope + ":" + event;
  }

  static boolean isGeneric(String scope, String event) {
    return scope.equals("*") || event.equals("*");
  }

  /** System topics such as {@code __VM__:__peers__} never reach generic subscriptions. */
  static boolean isInternal(String scope, String event) {
    return isDunder(scope) || isDunder(event);
  }

  private static boolean isDunder(String name) {
    return name.length() > 4 && name.startsWith("__") && name.endsWith("__");
  }

  void add(String scope, String event, MethodRef ref) {
    if (isGeneric(scope, event)) {
      Generic entry = new Generic(scope, event, ref);
      if (generic.contains(entry)) {
        throw duplicate(scope, event, ref);
      }
      generic.add(entry);
      return;
    }
    String topic = topic(scope, event);
    List<MethodRef> handlers = byTopic.computeIfAbsent(topic, t -> new ArrayList<>());
    if (handlers.contains(ref)) {
      throw duplicate(scope, event, ref);
    }
    handlers.add(ref);
    topicsByModel.computeIfAbsent(ref.modelId(), id -> new LinkedHashSet<>()).add(topic);
  }

  private static IllegalArgumentException duplicate(String scope, String event, MethodRef ref) {
    return new IllegalArgumentException(ref.modelId() + " already subscribes " + ref.method() + " to "
        + topic(scope, event) + "; unsubscribe first or subscribe it once");
  }

  /** Removes {@code method} (or, if null, every handler) of {@code modelId} for the topic. */
  void remove(String scope, String event, String modelId, MethodRef method) {
    removals++;
    if (isGeneric(scope, event)) {
      generic.removeIf(g -> g.scope.equals(scope) && g.event.equals(event) && matches(g.ref, modelId, method));
      return;
    }
    String topic = topic(scope, event);
    List<MethodRef> handlers = byTopic.get(topic);
    if (handlers == null) {
      return;
    }
    handlers.removeIf(ref -> matches(ref, modelId, method));
    if (handlers.stream().noneMatch(ref -> ref.modelId().equals(modelId))) {
      Set<String> topics = topicsByModel.get(modelId);
      if (topics != null) {
        topics.remove(topic);
      }
    }
    if (handlers.isEmpty()) {
      byTopic.remove(topic);
    }
  }

  private static boolean matches(MethodRef ref, String modelId, MethodRef method) {
    return method == null ? ref.modelId().equals(modelId) : ref.equals(method);
  }

  /** Removes every subscription of the model, generic ones too (Croquet forgets those: a quirk not copied). */
  void removeAll(String modelId) {
    removals++;
    generic.removeIf(g -> g.ref.modelId().equals(modelId));
    Set<String> topics = topicsByModel.remove(modelId);
    if (topics == null) {
      return;
    }
    for (String topic : topics) {
      List<MethodRef> handlers = byTopic.get(topic);
      handlers.removeIf(ref -> ref.modelId().equals(modelId));
      if (handlers.isEmpty()) {
        byTopic.remove(topic);
      }
    }
  }

  /** True if a model subscribes to exactly this topic; generic subscriptions do not count. */
  boolean hasSubscribers(String topic) {
    return byTopic.containsKey(topic);
  }

  /** Generic handlers matching the event, copied so dispatch can change the table. */
  List<MethodRef> genericFor(String scope, String event) {
    if (generic.isEmpty() || isInternal(scope, event)) {
      return List.of();
    }
    List<MethodRef> matching = new ArrayList<>();
    for (Generic g : generic) {
      if (g.matches(scope, event)) {
        matching.add(g.ref);
      }
    }
    return matching;
  }

  /** The topic's handlers, copied so handlers added during dispatch do not run for this event. */
  List<MethodRef> handlersFor(String topic) {
    List<MethodRef> handlers = byTopic.get(topic);
    return handlers == null ? List.of() : List.copyOf(handlers);
  }

  /** Increases whenever a subscription is removed. */
  long removals() {
    return removals;
  }

  /** True if the generic {@code ref} still matches: handlers removed during dispatch are skipped. */
  boolean isLiveGeneric(String scope, String event, MethodRef ref) {
    for (Generic g : generic) {
      if (g.ref.equals(ref) && g.matches(scope, event)) {
        return true;
      }
    }
    return false;
  }

  /** True if {@code ref} still handles {@code topic}: handlers removed during dispatch are skipped. */
  boolean isLive(String topic, MethodRef ref) {
    List<MethodRef> handlers = byTopic.get(topic);
    return handlers != null && handlers.contains(ref);
  }

  /** Visits every stored handler, topics first, then generic ones. */
  void forEachRef(java.util.function.Consumer<MethodRef> visitor) {
    byTopic.values().forEach(handlers -> handlers.forEach(visitor));
    generic.forEach(g -> visitor.accept(g.ref));
  }

  /** Rebuilds the per-model reverse index after decoding, which bypassed the constructor. */
  void rebuildIndex() {
    topicsByModel = new HashMap<>();
    byTopic.forEach((topic, handlers) -> {
      for (MethodRef ref : handlers) {
        topicsByModel.computeIfAbsent(ref.modelId(), id -> new LinkedHashSet<>()).add(topic);
      }
    });
  }

  /** For tests and diagnostics: how many topic and generic subscriptions the model has. */
  int countFor(String modelId) {
    int count = 0;
    for (List<MethodRef> handlers : byTopic.values()) {
      for (MethodRef ref : handlers) {
        count += ref.modelId().equals(modelId) ? 1 : 0;
      }
    }
    for (Generic g : generic) {
      count += g.ref.modelId().equals(modelId) ? 1 : 0;
    }
    return count;
  }
}
