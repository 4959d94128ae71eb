package dev.flamingo.benchmarks.vm;

import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.vm.VirtualMachine;
import dev.flamingo.core.vm.VmHost;
import java.util.ArrayList;
import java.util.List;

/** Root of the VM snapshot benchmark: creates the requested number of small models. */
public class SwarmModel extends Model {
  final List<Bee> bees = new ArrayList<>();

  /** The registry of the swarm's classes. */
  static Registry registry() {
    return Registry.builder()
        .register("bench.Swarm", SwarmModel.class)
        .register("bench.Bee", SwarmModel.Bee.class)
        .build();
  }

  /** A VM whose root created {@code count} bees. */
  static VirtualMachine swarm(Registry registry, int count, VmHost host) {
    return VirtualMachine.create(registry, "swarm", SwarmModel.class, count, null, host);
  }

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
