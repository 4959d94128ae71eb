package dev.flamingo.samples.animation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Drawing between steps: linear in the elapsed fraction, never before the last step or past the latest. */
class SmoothingTest {

  @Test
  void fractionGrowsOverOneStepAndStops() {
    assertEquals(0.0, Smoothing.fraction(1_000, 1_000, 50));
    assertEquals(0.5, Smoothing.fraction(1_000, 1_025, 50));
    assertEquals(1.0, Smoothing.fraction(1_000, 1_090, 50), "never extrapolates past the model");
    assertEquals(0.0, Smoothing.fraction(1_000, 990, 50));
  }

  @Test
  void betweenInterpolatesLinearly() {
    assertEquals(10.0, Smoothing.between(10, 20, 0));
    assertEquals(17.5, Smoothing.between(10, 20, 0.75));
    assertEquals(20.0, Smoothing.between(10, 20, 1));
  }
}
