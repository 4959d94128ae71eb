package dev.flamingo.samples.whiteboard;

import java.util.ArrayList;
import java.util.List;

/**
 * One freehand stroke: who drew it, in which colour, through which points ({@code x0, y0, x1, y1, ...}).
 * Treated as immutable: extending a stroke makes a new one, so views can compare strokes by value. Thread
 * rule: immutable by convention, any thread.
 *
 * @param id the board-wide stroke number
 * @param viewId the drawing view
 * @param colour CSS colour
 * @param points the points, flattened
 */
public record Stroke(long id, String viewId, String colour, List<Double> points) {

  /** This stroke with one more point. */
  Stroke extendedTo(double x, double y) {
    List<Double> more = new ArrayList<>(points.size() + 2);
    more.addAll(points);
    more.add(x);
    more.add(y);
    return new Stroke(id, viewId, colour, more);
  }
}
