package dev.flamingo.samples.whiteboard;

/**
 * A view's pointer position, published to start or extend a stroke or move its cursor. Thread rule: immutable,
 * any thread.
 *
 * @param viewId the publishing view
 * @param colour its current colour
 * @param x from the left of the board
 * @param y from the top of the board
 */
public record Dot(String viewId, String colour, double x, double y) {}
