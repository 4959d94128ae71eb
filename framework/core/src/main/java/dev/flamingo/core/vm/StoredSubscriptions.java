package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The snapshot form of the topic subscriptions: three flat arrays instead of one set and one
 * {@link MethodRef} object per topic, so the codec writes a few values per subscription and no object
 * headers. Derived from the insertion-ordered table alone, so equal tables give equal bytes. Model
 * thread only; the fields are not final because the decoder fills them.
 */
final class StoredSubscriptions {
  /** Topic names, in table order. */
  private Object[] topics;
  /** How many handlers each topic has, at least one, packed (one byte each in practice). */
  private byte[] counts;
  /** Per handler, topic by topic in subscription order: the model, then its shared {@link HandlerName}. */
  private Object[] handlers;

  static StoredSubscriptions of(Map<String, Object> byTopic) {
    StoredSubscriptions stored = new StoredSubscriptions();
    stored.topics = new Object[byTopic.size()];
    int total = 0;
    for (Object handlers : byTopic.values()) {
      total += TopicHandlers.size(handlers);
    }
    stored.handlers = new Object[total * 2];
    stored.fill(byTopic);
    return stored;
  }

  private void fill(Map<String, Object> byTopic) {
    PackedLongs.Writer sizes = new PackedLongs.Writer(byTopic.size());
    int t = 0;
    int[] h = {0};
    for (Map.Entry<String, Object> entry : byTopic.entrySet()) {
      topics[t++] = entry.getKey();
      sizes.add(TopicHandlers.size(entry.getValue()));
      TopicHandlers.forEach(entry.getValue(), ref -> {
        handlers[h[0]++] = ref.model();
        handlers[h[0]++] = ref.name();
      });
    }
    counts = sizes.toArray();
  }

  /** Rebuilds the table; decoded data is untrusted, so every shape and type is checked. */
  LinkedHashMap<String, Object> toTopics() {
    if (topics == null || counts == null || handlers == null) {
      throw corrupt("its arrays are missing");
    }
    PackedLongs.Reader sizes = new PackedLongs.Reader(counts, "subscription table");
    LinkedHashMap<String, Object> byTopic = new LinkedHashMap<>(capacity(topics.length));
    int h = 0;
    for (int t = 0; t < topics.length; t++) {
      if (!(topics[t] instanceof String topic)) {
        throw corrupt("topic " + t + " is not a name");
      }
      int count = sizes.nextInt(1, (handlers.length - h) / 2, "handler count");
      Object refs = null;
      for (int end = h + 2 * count; h < end; h += 2) {
        refs = TopicHandlers.add(refs, ref(h));
        if (refs == null) {
          throw corrupt("topic " + topic + " lists handler " + ref(h) + " twice");
        }
      }
      if (byTopic.put(topic, refs) != null) {
        throw corrupt("topic " + topic + " appears twice");
      }
    }
    if (h != handlers.length) {
      throw corrupt("it has " + (handlers.length - h) / 2 + " handlers that belong to no topic");
    }
    if (!sizes.atEnd()) {
      throw corrupt("it has more handler counts than topics");
    }
    return byTopic;
  }

  private MethodRef ref(int at) {
    if (!(handlers[at] instanceof Model model) || !(handlers[at + 1] instanceof HandlerName name)) {
      throw corrupt("handler " + at / 2 + " is not a model and a handler name");
    }
    return new MethodRef(model, name);
  }

  /** A HashMap capacity that holds {@code n} entries without resizing. */
  static int capacity(int n) {
    return (int) Math.min(1 << 30, n / 0.75 + 1);
  }

  private static IllegalArgumentException corrupt(String problem) {
    return new IllegalArgumentException("corrupt snapshot: the subscription table is invalid: " + problem);
  }
}
