package dev.flamingo.core.vm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The VM's pending future messages, always in execution order, so a snapshot lists them without
 * sorting (a heap's array order would depend on history and differ after a restore). Model thread only.
 */
final class FutureQueue {
  // The sorted set is rebuilt from {@code snapshotted} after a restore; only that list is encoded.
  private transient TreeSet<FutureMessage> queue = new TreeSet<>(FutureMessage.ORDER);
  private ArrayList<FutureMessage> snapshotted;

  void add(FutureMessage message) {
    queue.add(message);
  }

  FutureMessage peek() {
    return queue.isEmpty() ? null : queue.first();
  }

  FutureMessage poll() {
    return queue.pollFirst();
  }

  int size() {
    return queue.size();
  }

  /**
   * Removes the earliest message matching {@code filter}; the earliest rather than Croquet's "first found
   * in the heap", because heap layout is not replicated.
   */
  boolean removeEarliest(Predicate<FutureMessage> filter) {
    for (Iterator<FutureMessage> it = queue.iterator(); it.hasNext(); ) {
      if (filter.test(it.next())) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  boolean removeAll(Predicate<FutureMessage> filter) {
    return queue.removeIf(filter);
  }

  /** The messages in execution order (a copy). */
  ArrayList<FutureMessage> inOrder() {
    return new ArrayList<>(queue);
  }

  /** Exposes the messages, in order, to the encoder; call {@link #afterEncode()} when done. */
  void beforeEncode() {
    snapshotted = inOrder();
  }

  void afterEncode() {
    snapshotted = null;
  }

  /** Rebuilds the sorted set after decoding, which bypassed the constructor. */
  void afterDecode() {
    queue = new TreeSet<>(FutureMessage.ORDER);
    queue.addAll(snapshotted);
    snapshotted = null;
  }
}
