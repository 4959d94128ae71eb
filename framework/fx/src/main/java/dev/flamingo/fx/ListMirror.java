package dev.flamingo.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * Keeps an observable list of mapped items (often Nodes) equal to a model list, changing only what changed:
 * unchanged items keep their mapped object, so a chat line's node is built once however often the history
 * refreshes. Items are compared with {@code equals} on the model side (records compare by value). Thread
 * rule: the FX Application Thread.
 */
final class ListMirror<T, R> {
  private final ObservableList<R> target;
  private final Function<? super T, ? extends R> map;
  private final List<T> sources = new ArrayList<>();

  ListMirror(ObservableList<R> target, Function<? super T, ? extends R> map) {
    this.target = target;
    this.map = map;
  }

  /** Makes the target the mapping of {@code items}. */
  void update(List<? extends T> items) {
    int dropped = droppedHead(items);
    if (dropped > 0) {
      removeRange(0, dropped);
    }
    int prefix = 0;
    while (prefix < sources.size() && prefix < items.size() && Objects.equals(sources.get(prefix), items.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < sources.size() - prefix && suffix < items.size() - prefix
        && Objects.equals(sources.get(sources.size() - 1 - suffix), items.get(items.size() - 1 - suffix))) {
      suffix++;
    }
    removeRange(prefix, sources.size() - suffix);
    List<T> added = new ArrayList<>(items.subList(prefix, items.size() - suffix));
    List<R> mapped = new ArrayList<>(added.size());
    added.forEach(item -> mapped.add(map.apply(item)));
    sources.addAll(prefix, added);
    target.addAll(prefix, mapped);
  }

  /** How many leading items to drop so the rest lines up with {@code items} (a bounded history that rolled). */
  private int droppedHead(List<? extends T> items) {
    if (items.isEmpty() || sources.isEmpty() || Objects.equals(sources.get(0), items.get(0))) {
      return 0;
    }
    int k = sources.indexOf(items.get(0));
    if (k <= 0) {
      return 0;
    }
    int overlap = Math.min(sources.size() - k, items.size());
    for (int i = 0; i < overlap; i++) {
      if (!Objects.equals(sources.get(k + i), items.get(i))) {
        return 0;
      }
    }
    return k;
  }

  private void removeRange(int from, int to) {
    if (from < to) {
      sources.subList(from, to).clear();
      target.remove(from, to);
    }
  }
}
