package dev.flamingo.samples.animation;

/**
 * A position in the box, as published by a view to add a shape there. Thread rule: immutable, any thread.
 *
 * @param x from the left, in box units
 * @param y from the top, in box units
 */
public record Point(double x, double y) {}
