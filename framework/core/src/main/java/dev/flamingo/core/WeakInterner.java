package dev.flamingo.core;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps at most one live instance per key, without keeping instances alive: the cache behind
 * {@link DataHandle}'s "one object per id" rule. Thread rule: any thread.
 *
 * @param <T> the interned type
 */
final class WeakInterner<T> {

  private final ConcurrentHashMap<String, Ref<T>> live = new ConcurrentHashMap<>();
  private final ReferenceQueue<T> collected = new ReferenceQueue<>();

  /** The live instance for {@code key}, or a new one from {@code create}, which then becomes the live one. */
  T intern(String key, Supplier<T> create) {
    expunge();
    while (true) {
      Ref<T> ref = live.get(key);
      T existing = ref == null ? null : ref.get();
      if (existing != null) {
        return existing;
      }
      T fresh = create.get();
      Ref<T> mine = new Ref<>(key, fresh, collected);
      // Lost a race (another thread interned the same key meanwhile): loop and take the winner's instance.
      if (ref == null ? live.putIfAbsent(key, mine) == null : live.replace(key, ref, mine)) {
        return fresh;
      }
    }
  }

  private void expunge() {
    for (Reference<? extends T> r = collected.poll(); r != null; r = collected.poll()) {
      Ref<?> dead = (Ref<?>) r;
      live.remove(dead.key, dead);
    }
  }

  private static final class Ref<T> extends WeakReference<T> {
    final String key;

    Ref(String key, T value, ReferenceQueue<T> queue) {
      super(value, queue);
      this.key = key;
    }
  }
}
