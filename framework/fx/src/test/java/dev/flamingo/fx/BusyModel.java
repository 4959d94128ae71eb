package dev.flamingo.fx;

import dev.flamingo.core.Model;

/** Test model whose {@code busy:work} events each cost a few milliseconds of deterministic computation. */
public class BusyModel extends Model {
  int done;
  double sum;

  @Override
  protected void init(Object options) {
    subscribe("busy", "work", this::work);
  }

  void work() {
    double s = 0;
    for (int i = 1; i < 1_500_000; i++) {
      s += StrictMath.sqrt(i);
    }
    sum += s;
    done++;
    publish("busy", "done");
  }

  /** Events handled. */
  public int done() {
    return done;
  }
}
