package dev.flamingo.benchmarks.vm;

import dev.flamingo.core.Model;

/** The trivial model the dispatch benchmark sends events to. */
public class CounterModel extends Model {
  long sum;
  long count;

  @Override
  protected void init(Object options) {
    subscribe("bench", "add", this::add);
    subscribe("bench", "point", this::point);
  }

  void add(Integer n) {
    sum += n;
  }

  void point(Point p) {
    sum += p.x() + p.y();
    count++;
  }

  /** A small registered record payload. */
  public record Point(int x, int y) {}
}
