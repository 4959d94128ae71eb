package dev.flamingo.samples.animation;

import dev.flamingo.core.Model;
import java.util.List;

/**
 * One bouncing shape: position, velocity per step, colour and kind. Moves only when its box steps it, so every
 * replica moves it identically. Thread rule: the session thread (model code; reads from views).
 */
public class Shape extends Model {
  static final double SIZE = 30;
  private static final List<String> COLOURS = List.of("#e53e3e", "#dd6b20", "#d69e2e", "#38a169", "#3182ce", "#805ad5");

  private double x;
  private double y;
  private double dx;
  private double dy;
  private String colour;
  private boolean square;

  @Override
  protected void init(Object options) {
    Point at = options instanceof Point p ? p : new Point(random() * (Box.WIDTH - SIZE), random() * (Box.HEIGHT - SIZE));
    x = clamp(at.x(), Box.WIDTH);
    y = clamp(at.y(), Box.HEIGHT);
    double angle = random() * 2 * StrictMath.PI;
    double speed = 2 + random() * 4;
    dx = speed * StrictMath.cos(angle);
    dy = speed * StrictMath.sin(angle);
    colour = COLOURS.get((int) (random() * COLOURS.size()));
    square = random() < 0.5;
  }

  /** Advances one step, bouncing off the walls. */
  void move() {
    x += dx;
    y += dy;
    if (x < 0 || x > Box.WIDTH - SIZE) {
      dx = -dx;
      x = clamp(x, Box.WIDTH);
    }
    if (y < 0 || y > Box.HEIGHT - SIZE) {
      dy = -dy;
      y = clamp(y, Box.HEIGHT);
    }
  }

  /** Left edge. */
  public double x() {
    return x;
  }

  /** Top edge. */
  public double y() {
    return y;
  }

  /** CSS colour. */
  public String colour() {
    return colour;
  }

  /** A square rather than a circle. */
  public boolean isSquare() {
    return square;
  }

  private static double clamp(double value, double extent) {
    return Math.max(0, Math.min(extent - SIZE, value));
  }
}
