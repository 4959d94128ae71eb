package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The snapshot form of the topic subscriptions: three flat columns (in small chunks, see {@link
 * RefChunks}) instead of one set and one {@link MethodRef} object per topic, so the codec writes a few
 * values per subscription and no object headers. Derived from the insertion-ordered table alone, so equal tables give equal bytes. Model
 * thread only; the fields are not final because the decoder fills them.
 */
final class StoredSubscriptions {
  /** Topic names, in table order. */
  private Object[][] topics;
  /** How many handlers each topic has, at least one, packed (one byte each in practice). */
  private byte[][] counts;
  /** Per handler, topic by topic in subscription order: the model, then its shared {@link HandlerName}. */
  private Object[][] handlers;

  static StoredSubscriptions of(Map<String, Object> byTopic) {
    RefChunks.Writer topics = new RefChunks.Writer(byTopic.size());
    PackedLongs.Writer sizes = new PackedLongs.Writer(byTopic.size());
    RefChunks.Writer handlers = new RefChunks.Writer(byTopic.size() * 2);
    Consumer<MethodRef> add = ref -> {
      handlers.add(ref.model());
      handlers.add(ref.name());
    };
    for (Map.Entry<String, Object> entry : byTopic.entrySet()) {
      topics.add(entry.getKey());
      sizes.add(TopicHandlers.size(entry.getValue()));
      TopicHandlers.forEach(entry.getValue(), add);
    }
    StoredSubscriptions stored = new StoredSubscriptions();
    stored.topics = topics.toArray();
    stored.counts = sizes.toArray();
    stored.handlers = handlers.toArray();
    return stored;
  }

  /** Rebuilds the table; decoded data is untrusted, so every shape and type is checked. */
  LinkedHashMap<String, Object> toTopics() {
    if (topics == null || counts == null || handlers == null) {
      throw corrupt("its arrays are missing");
    }
    PackedLongs.Reader sizes = new PackedLongs.Reader(counts, "subscription table");
    RefChunks.Reader names = new RefChunks.Reader(topics, "subscription table");
    RefChunks.Reader refs = new RefChunks.Reader(handlers, "subscription table");
    LinkedHashMap<String, Object> byTopic = new LinkedHashMap<>(capacity(names.remaining()));
    for (int t = 0; names.remaining() > 0; t++) {
      if (!(names.next() instanceof String topic)) {
        throw corrupt("topic " + t + " is not a name");
      }
      int count = sizes.nextInt(1, refs.remaining() / 2, "handler count");
      Object handlersOfTopic = null;
      for (int i = 0; i < count; i++) {
        MethodRef ref = ref(refs.next(), refs.next());
        handlersOfTopic = TopicHandlers.add(handlersOfTopic, ref);
        if (handlersOfTopic == null) {
          throw corrupt("topic " + topic + " lists handler " + ref + " twice");
        }
      }
      if (byTopic.put(topic, handlersOfTopic) != null) {
        throw corrupt("topic " + topic + " appears twice");
      }
    }
    if (refs.remaining() != 0) {
      throw corrupt("it has " + refs.remaining() / 2 + " handlers that belong to no topic");
    }
    if (!sizes.atEnd()) {
      throw corrupt("it has more handler counts than topics");
    }
    return byTopic;
  }

  private static MethodRef ref(Object model, Object name) {
    if (!(model instanceof Model m) || !(name instanceof HandlerName n)) {
      throw corrupt("a handler is not a model and a handler name");
    }
    return new MethodRef(m, n);
  }
  /** A HashMap capacity that holds {@code n} entries without resizing. */
  static int capacity(int n) {
    return (int) Math.min(1 << 30, n / 0.75 + 1);
  }

  private static IllegalArgumentException corrupt(String problem) {
    return new IllegalArgumentException("corrupt snapshot: the subscription table is invalid: " + problem);
  }
}
