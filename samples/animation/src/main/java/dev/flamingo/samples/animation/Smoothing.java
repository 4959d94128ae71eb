package dev.flamingo.samples.animation;

/**
 * Where to draw a shape between two model steps: the model moves in 50 ms jumps, the screen refreshes every
 * 16 ms, so the view draws the previous step's position moved toward the latest by the fraction of a step that
 * has passed since the latest arrived (one step behind, never ahead of the model). Thread rule: stateless.
 */
final class Smoothing {
  private Smoothing() {}

  /** The fraction of a step of {@code stepNanos} elapsed since {@code arrivedNanos}, clamped to [0, 1]. */
  static double fraction(long arrivedNanos, long nowNanos, long stepNanos) {
    return Math.max(0, Math.min(1, (double) (nowNanos - arrivedNanos) / stepNanos));
  }

  /** The value {@code fraction} of the way from {@code from} to {@code to}. */
  static double between(double from, double to, double fraction) {
    return from + (to - from) * fraction;
  }
}
