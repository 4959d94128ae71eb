package dev.flamingo.samples.animation;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The root model: a box of shapes stepped every 50 ms by a future message (Croquet's
 * {@code this.future(50).step()}). Views add a shape with {@code box:add} and empty the box with
 * {@code box:reset}. Thread rule: the session thread (model code; reads from views).
 */
public class Box extends Model {
  static final double WIDTH = 600;
  static final double HEIGHT = 400;
  static final long STEP_MS = 50;
  private static final int MAX_SHAPES = 50;

  private List<Shape> shapes;

  @Override
  protected void init(Object options) {
    shapes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      shapes.add(create(Shape.class, null));
    }
    subscribe("box", "add", this::add);
    subscribe("box", "reset", this::reset);
    future(STEP_MS, this::step);
  }

  /** The shapes, oldest first (read-only). */
  public List<Shape> shapes() {
    return Collections.unmodifiableList(shapes);
  }

  void step() {
    shapes.forEach(Shape::move);
    publish("box", "moved");
    future(STEP_MS, this::step);
  }

  void add(Point at) {
    if (shapes.size() >= MAX_SHAPES) {
      shapes.remove(0).destroy();
    }
    shapes.add(create(Shape.class, at));
    publish("box", "changed");
  }

  void reset() {
    shapes.forEach(Shape::destroy);
    shapes.clear();
    publish("box", "changed");
  }
}
