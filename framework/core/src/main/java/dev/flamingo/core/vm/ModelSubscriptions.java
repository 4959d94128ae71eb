package dev.flamingo.core.vm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Model subscriptions: per topic in subscription order, plus generic ({@code "*"}) ones in one flat list,
 * both replicated (the codec stores this object field by field); the per-model reverse index is rebuilt
 * on restore. Model thread only.
 */
final class ModelSubscriptions {
  // Per topic its TopicHandlers value: subscription order for dispatch, O(1) liveness checks and
  // removal. Set hash order comes from MethodRef.hashCode, which is derived from ids and names, never
  // identity. Stored as the flat StoredSubscriptions, not as one set and one MethodRef object per topic:
  // with 100,000 models that object graph dominated snapshot time.
  private transient LinkedHashMap<String, Object> byTopic = new LinkedHashMap<>();
  private ArrayList<Generic> generic = new ArrayList<>();
  // Only set from beforeEncode() to afterEncode(), and from decoding to afterDecode().
  private StoredSubscriptions stored;
  // Not replicated; looked up by model id, never iterated whole. Null after a restore until first needed.
  private transient Map<String, List<Entry>> byModel = new HashMap<>();
  // Counts removals, so dispatch re-checks liveness only after a handler unsubscribed something.
  private transient long removals;

  /** A generic subscription: {@code "*"} in scope and/or event. */
  record Generic(String scope, String event, MethodRef ref) {
    boolean matches(String eventScope, String eventName) {
      return (scope.equals("*") || scope.equals(eventScope)) && (event.equals("*") || event.equals(eventName));
    }
  }

  /** One topic subscription of a model, for the reverse index. */
  private record Entry(String topic, MethodRef ref) {}

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
    Map<String, List<Entry>> index = byModel(); // built before the change, or it would list the new ref twice
    Object handlers = TopicHandlers.add(byTopic.get(topic), ref);
    if (handlers == null) {
      throw duplicate(scope, event, ref);
    }
    byTopic.put(topic, handlers); // an existing topic keeps its place
    index.computeIfAbsent(ref.modelId(), id -> new ArrayList<>()).add(new Entry(topic, ref));
  }

  private static IllegalArgumentException duplicate(String scope, String event, MethodRef ref) {
    return new IllegalArgumentException(ref.modelId() + " already subscribes " + ref.method() + " to "
        + topic(scope, event) + "; unsubscribe first or subscribe it once");
  }

  /** Removes {@code method} (or, if null, every handler) of {@code modelId} for the topic. */
  void remove(String scope, String event, String modelId, MethodRef method) {
    removals++;
    if (isGeneric(scope, event)) {
      generic.removeIf(g -> g.scope.equals(scope) && g.event.equals(event)
          && (method == null ? g.ref.modelId().equals(modelId) : g.ref.equals(method)));
      return;
    }
    String topic = topic(scope, event);
    removeEntries(modelId, e -> e.topic.equals(topic) && (method == null || e.ref.equals(method)));
  }

  /** Removes every subscription of the model, generic ones too (Croquet forgets those: a quirk not copied). */
  void removeAll(String modelId) {
    removals++;
    generic.removeIf(g -> g.ref.modelId().equals(modelId));
    removeEntries(modelId, e -> true);
  }

  private void removeEntries(String modelId, Predicate<Entry> filter) {
    List<Entry> entries = byModel().get(modelId);
    if (entries == null) {
      return;
    }
    entries.removeIf(e -> {
      if (!filter.test(e)) {
        return false;
      }
      Object left = TopicHandlers.remove(byTopic.get(e.topic), e.ref);
      if (left == null) {
        byTopic.remove(e.topic);
      } else {
        byTopic.put(e.topic, left);
      }
      return true;
    });
    if (entries.isEmpty()) {
      byModel.remove(modelId);
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
    return TopicHandlers.copy(byTopic.get(topic));
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
    return TopicHandlers.contains(byTopic.get(topic), ref);
  }

  /** Each topic (generic ones as written) with its handlers ({@code M3.onPost}), in subscription order. */
  Map<String, List<String>> describe() {
    Map<String, List<String>> table = new LinkedHashMap<>();
    byTopic.forEach((topic, handlers) -> TopicHandlers.forEach(handlers, ref -> add(table, topic, ref)));
    generic.forEach(g -> add(table, topic(g.scope, g.event), g.ref));
    return table;
  }

  private static void add(Map<String, List<String>> table, String topic, MethodRef ref) {
    table.computeIfAbsent(topic, t -> new ArrayList<>()).add(ref.modelId() + "." + ref.method());
  }

  /** Visits every stored handler, topics first, then generic ones. */
  void forEachRef(Consumer<MethodRef> visitor) {
    byTopic.values().forEach(handlers -> TopicHandlers.forEach(handlers, visitor));
    generic.forEach(g -> visitor.accept(g.ref));
  }

  /** Exposes the topic table in its flat stored form to the encoder; call {@link #afterEncode()} when done. */
  void beforeEncode() {
    stored = StoredSubscriptions.of(byTopic);
  }

  void afterEncode() {
    stored = null;
  }

  /**
   * Rebuilds the topic table from its stored form after decoding (which bypassed the initializers), with
   * handlers' models from {@code models}; the reverse index follows on first use.
   */
  void afterDecode(ModelSerials.Index models) {
    if (stored == null) {
      throw new IllegalArgumentException("corrupt snapshot: the subscription table is missing");
    }
    byTopic = stored.toTopics(models);
    stored = null;
    byModel = null;
  }

  private Map<String, List<Entry>> byModel() {
    if (byModel == null) {
      byModel = new HashMap<>();
      byTopic.forEach((topic, handlers) -> TopicHandlers.forEach(handlers,
          ref -> byModel.computeIfAbsent(ref.modelId(), id -> new ArrayList<>()).add(new Entry(topic, ref))));
    }
    return byModel;
  }

  /** For tests and diagnostics: how many topic and generic subscriptions the model has. */
  int countFor(String modelId) {
    int[] count = {0};
    forEachRef(ref -> count[0] += ref.modelId().equals(modelId) ? 1 : 0);
    return count[0];
  }
}
