package dev.flamingo.testkit;

import dev.flamingo.core.Model;
import dev.flamingo.core.snapshot.TypeAdapter;

/** Planted adapter bugs: a point stored through an adapter that loses or changes part of it on restore. */
public class LossyModel extends Model {
  Point where;
  long total;

  @Override
  protected void init(Object options) {
    where = new Point(3, 4);
    subscribe("tally", "add", this::onAdd);
  }

  void onAdd(Integer n) {
    total += (long) where.y() * n;
  }

  /** A value class stored through an adapter. */
  public record Point(int x, int y) {}

  /** Writes x only: a restored replica has y 0, which nothing sees until y is used. */
  public static final class XOnly implements TypeAdapter<Point> {
    @Override
    public Object write(Point value) {
      return value.x();
    }

    @Override
    public Point read(Object written) {
      return new Point((Integer) written, 0);
    }
  }

  /** Reads back a different x than it wrote, so a restored replica re-encodes to other bytes at once. */
  public static final class Drifting implements TypeAdapter<Point> {
    @Override
    public Object write(Point value) {
      return value.x();
    }

    @Override
    public Point read(Object written) {
      return new Point((Integer) written + 1, 4);
    }
  }
}
