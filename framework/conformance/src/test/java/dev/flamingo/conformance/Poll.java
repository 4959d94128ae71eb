package dev.flamingo.conformance;

import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition until it holds or {@link Harness#PATIENCE} runs out. Thread rule: test thread. */
final class Poll {
  private static final long PAUSE_MS = 50;

  private Poll() {}

  /** The first present value {@code probe} returns; fails naming {@code what} when none comes in time. */
  static <T> T until(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + Harness.PATIENCE.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up after " + Harness.PATIENCE.toSeconds() + " s waiting for " + what);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while polling", e);
    }
  }
}
