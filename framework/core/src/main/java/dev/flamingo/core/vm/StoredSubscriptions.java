package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The snapshot form of the topic subscriptions: four flat columns (in small chunks, see {@link
 * RefChunks}) instead of one set and one {@link MethodRef} object per topic, so the codec writes a few
 * values per subscription and no object headers. Handlers name their models by serial (see {@link
 * ModelSerials}), so that writing the table never reads the models. Derived from the insertion-ordered
 * table alone, so equal tables give equal bytes. Model thread only; the fields are not final because the
 * decoder fills them.
 */
final class StoredSubscriptions {
  /** Topic names, in table order. */
  private Object[][] topics;
  /** How many handlers each topic has, at least one, packed (one byte each in practice). */
  private byte[][] counts;
  /** Per handler, topic by topic in subscription order: its shared {@link HandlerName}. */
  private Object[][] handlers;
  /**
   * Per handler, in the same order: the model's serial, as the difference to the previous handler's
   * (one byte each when models subscribe in creation order, as they usually do).
   */
  private byte[][] models;

  static StoredSubscriptions of(Map<String, Object> byTopic) {
    RefChunks.Writer topics = new RefChunks.Writer(byTopic.size());
    PackedLongs.Writer sizes = new PackedLongs.Writer(byTopic.size());
    RefChunks.Writer handlers = new RefChunks.Writer(byTopic.size());
    PackedLongs.Writer models = new PackedLongs.Writer(byTopic.size());
    long[] previous = {0};
    Consumer<MethodRef> add = ref -> {
      handlers.add(ref.name());
      models.add(ref.modelSerial() - previous[0]);
      previous[0] = ref.modelSerial();
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
    stored.models = models.toArray();
    return stored;
  }

  /**
   * Rebuilds the table, finding handlers' models in {@code index}; decoded data is untrusted, so every
   * shape, type and model is checked.
   */
  LinkedHashMap<String, Object> toTopics(ModelSerials.Index index) {
    if (topics == null || counts == null || handlers == null || models == null) {
      throw corrupt("its arrays are missing");
    }
    PackedLongs.Reader sizes = new PackedLongs.Reader(counts, "subscription table");
    RefChunks.Reader names = new RefChunks.Reader(topics, "subscription table");
    RefChunks.Reader refs = new RefChunks.Reader(handlers, "subscription table");
    PackedLongs.Reader serials = new PackedLongs.Reader(models, "subscription table");
    long serial = 0;
    LinkedHashMap<String, Object> byTopic = new LinkedHashMap<>(capacity(names.remaining()));
    for (int t = 0; names.remaining() > 0; t++) {
      if (!(names.next() instanceof String topic)) {
        throw corrupt("topic " + t + " is not a name");
      }
      int count = sizes.nextInt(1, refs.remaining(), "handler count");
      Object handlersOfTopic = null;
      for (int i = 0; i < count; i++) {
        serial += serials.next();
        MethodRef ref = ref(index.find(serial), serial, refs.next());
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
      throw corrupt("it has " + refs.remaining() + " handlers that belong to no topic");
    }
    if (!sizes.atEnd()) {
      throw corrupt("it has more handler counts than topics");
    }
    if (!serials.atEnd()) {
      throw corrupt("it has more handler models than handlers");
    }
    return byTopic;
  }

  private static MethodRef ref(Model model, long serial, Object name) {
    if (model == null) {
      throw corrupt("a handler names model serial " + serial + ", which is not in the model table");
    }
    if (!(name instanceof HandlerName handler)) {
      throw corrupt("a handler is not a handler name");
    }
    return new MethodRef(model, serial, handler);
  }

  /** A HashMap capacity that holds {@code n} entries without resizing. */
  static int capacity(int n) {
    return (int) Math.min(1 << 30, n / 0.75 + 1);
  }

  private static IllegalArgumentException corrupt(String problem) {
    return new IllegalArgumentException("corrupt snapshot: the subscription table is invalid: " + problem);
  }
}
