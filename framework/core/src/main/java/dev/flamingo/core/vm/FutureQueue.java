package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The VM's pending future messages, always in execution order, so a snapshot lists them without
 * sorting (a heap's array order would depend on history and differ after a restore), plus an index by
 * receiver so cancelling and destroying touch only that model's futures. Model thread only.
 */
final class FutureQueue {
  // Only {@code stored} is encoded; the set and the index are rebuilt from it after a restore.
  private transient TreeSet<FutureMessage> queue = new TreeSet<>(FutureMessage.ORDER);
  // Looked up, never iterated as a whole, so its hash order cannot leak into replicated behaviour.
  // Null after a restore until first needed, which keeps joining fast.
  private transient Map<Model, List<FutureMessage>> byModel = new HashMap<>();
  // Only set from beforeEncode() to afterEncode(), and from decoding to afterDecode().
  private StoredFutures stored;

  void add(FutureMessage message) {
    queue.add(message);
    if (byModel != null) {
      index(message);
    }
  }

  private void index(FutureMessage message) {
    byModel.computeIfAbsent(message.model, m -> new ArrayList<>(2)).add(message);
  }

  private Map<Model, List<FutureMessage>> byModel() {
    if (byModel == null) {
      byModel = new HashMap<>();
      queue.forEach(this::index);
    }
    return byModel;
  }

  FutureMessage peek() {
    return queue.isEmpty() ? null : queue.first();
  }

  FutureMessage poll() {
    FutureMessage message = queue.pollFirst();
    if (message != null && byModel != null) {
      unindex(message);
    }
    return message;
  }

  int size() {
    return queue.size();
  }

  /**
   * Removes the earliest future of {@code model} matching {@code filter}; the earliest rather than
   * Croquet's "first found in the heap", because heap layout is not replicated.
   */
  boolean removeEarliest(Model model, Predicate<FutureMessage> filter) {
    FutureMessage earliest = null;
    for (FutureMessage message : byModel().getOrDefault(model, List.of())) {
      if (filter.test(message) && (earliest == null || FutureMessage.ORDER.compare(message, earliest) < 0)) {
        earliest = message;
      }
    }
    if (earliest == null) {
      return false;
    }
    queue.remove(earliest);
    unindex(earliest);
    return true;
  }

  /** Removes every future of {@code model}; true if there was any. */
  boolean removeAll(Model model) {
    List<FutureMessage> messages = byModel().remove(model);
    if (messages == null) {
      return false;
    }
    messages.forEach(queue::remove);
    return true;
  }

  private void unindex(FutureMessage message) {
    List<FutureMessage> messages = byModel.get(message.model);
    messages.remove(message);
    if (messages.isEmpty()) {
      byModel.remove(message.model);
    }
  }

  /** Visits every message, in execution order. */
  void forEach(Consumer<FutureMessage> visitor) {
    queue.forEach(visitor);
  }

  /** Exposes the messages in their flat stored form to the encoder; call {@link #afterEncode()} when done. */
  void beforeEncode() {
    stored = StoredFutures.of(queue);
  }

  void afterEncode() {
    stored = null;
  }

  /**
   * Rebuilds the sorted set after decoding, which bypassed the constructor, with receivers from
   * {@code models}; the index follows lazily.
   */
  void afterDecode(ModelSerials.Index models) {
    if (stored == null) {
      throw new IllegalArgumentException("corrupt snapshot: the future queue is missing");
    }
    List<FutureMessage> messages = stored.toMessages(models);
    // A snapshot lists the futures in order, so the set is built in linear time; anything else
    // (only a hand-made snapshot) is sorted as before.
    if (isStrictlyOrdered(messages)) {
      queue = new TreeSet<>(new OrderedView(messages));
    } else {
      queue = new TreeSet<>(FutureMessage.ORDER);
      queue.addAll(messages);
    }
    byModel = null;
    stored = null;
  }

  private static boolean isStrictlyOrdered(List<FutureMessage> messages) {
    for (int i = 1; i < messages.size(); i++) {
      if (FutureMessage.ORDER.compare(messages.get(i - 1), messages.get(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A list already sorted by {@link FutureMessage#ORDER} seen as a sorted set, which lets
   * {@code new TreeSet<>(view)} link the tree in one pass instead of inserting one message at a time.
   * Only what that constructor uses is supported.
   */
  private static final class OrderedView extends AbstractSet<FutureMessage> implements SortedSet<FutureMessage> {
    private final List<FutureMessage> messages;

    OrderedView(List<FutureMessage> messages) {
      this.messages = messages;
    }

    @Override
    public Iterator<FutureMessage> iterator() {
      return messages.iterator();
    }

    @Override
    public int size() {
      return messages.size();
    }

    @Override
    public Comparator<FutureMessage> comparator() {
      return FutureMessage.ORDER;
    }

    @Override
    public SortedSet<FutureMessage> subSet(FutureMessage from, FutureMessage to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedSet<FutureMessage> headSet(FutureMessage to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedSet<FutureMessage> tailSet(FutureMessage from) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FutureMessage first() {
      return messages.get(0);
    }

    @Override
    public FutureMessage last() {
      return messages.get(messages.size() - 1);
    }
  }
}
