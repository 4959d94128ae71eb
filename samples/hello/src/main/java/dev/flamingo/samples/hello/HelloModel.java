package dev.flamingo.samples.hello;

import dev.flamingo.core.Model;

/**
 * Croquet's hello model: a count that rises once a second through a future message, and drops to zero on
 * {@code counter:reset}. Thread rule: the session thread (model code).
 */
public class HelloModel extends Model {
  private int count;

  @Override
  protected void init(Object options) {
    count = 0;
    subscribe("counter", "reset", this::resetCounter);
    future(1000, this::tick);
  }

  /** The count. */
  public int count() {
    return count;
  }

  void resetCounter() {
    count = 0;
    publish("counter", "changed");
  }

  void tick() {
    count++;
    publish("counter", "changed");
    future(1000, this::tick);
  }
}
