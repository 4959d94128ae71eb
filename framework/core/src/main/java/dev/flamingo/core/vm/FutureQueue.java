package dev.flamingo.core.vm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/** The VM's pending future messages in execution order; model thread only. */
final class FutureQueue {
  private final PriorityQueue<FutureMessage> heap = new PriorityQueue<>(FutureMessage.ORDER);

  void add(FutureMessage message) {
    heap.add(message);
  }

  FutureMessage peek() {
    return heap.peek();
  }

  FutureMessage poll() {
    return heap.poll();
  }

  int size() {
    return heap.size();
  }

  /**
   * Removes the earliest message matching {@code filter}; earliest rather than Croquet's "first found in
   * the heap", because heap layout can differ between a restored replica and one that ran throughout.
   */
  boolean removeEarliest(Predicate<FutureMessage> filter) {
    FutureMessage earliest = null;
    for (FutureMessage message : heap) {
      if (filter.test(message) && (earliest == null || FutureMessage.ORDER.compare(message, earliest) < 0)) {
        earliest = message;
      }
    }
    return earliest != null && heap.remove(earliest);
  }

  boolean removeAll(Predicate<FutureMessage> filter) {
    boolean any = false;
    for (Iterator<FutureMessage> it = heap.iterator(); it.hasNext(); ) {
      if (filter.test(it.next())) {
        it.remove();
        any = true;
      }
    }
    return any;
  }

  /** All messages in execution order: the heap's array order is history-dependent, so never hash it. */
  List<Object[]> toRows() {
    List<FutureMessage> sorted = new ArrayList<>(heap);
    sorted.sort(FutureMessage.ORDER);
    List<Object[]> rows = new ArrayList<>(sorted.size());
    for (FutureMessage message : sorted) {
      rows.add(message.toRow());
    }
    return rows;
  }

  void addRows(List<?> rows) {
    for (Object row : rows) {
      heap.add(FutureMessage.fromRow((Object[]) row));
    }
  }
}
