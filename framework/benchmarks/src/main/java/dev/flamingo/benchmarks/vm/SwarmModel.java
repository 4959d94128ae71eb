package dev.flamingo.benchmarks.vm;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.List;

/** Root of the VM snapshot benchmark: creates the requested number of small models. */
public class SwarmModel extends Model {
  final List<Bee> bees = new ArrayList<>();

  @Override
  protected void init(Object options) {
    int count = (Integer) options;
    for (int i = 0; i < count; i++) {
      bees.add(create(Bee.class, i));
    }
  }

  /** A small model with a few fields, one subscription and one pending future, like a typical app entity. */
  public static class Bee extends Model {
    int x;
    int y;
    String name;

    @Override
    protected void init(Object options) {
      x = (Integer) options;
      y = x * 7;
      name = "bee" + x;
      subscribe(id(), "move", this::move);
      future(1000 + x % 500, this::move, 1);
    }

    void move(Integer dx) {
      x += dx;
    }
  }
}
