package dev.flamingo.fx;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.List;

/** Test model: a shared counter with a rolling log of its last three values. */
public class CounterModel extends Model {
  int count;
  final List<String> log = new ArrayList<>();

  @Override
  protected void init(Object options) {
    subscribe("counter", "inc", this::inc);
  }

  void inc() {
    count++;
    log.add("n" + count);
    if (log.size() > 3) {
      log.remove(0);
    }
    publish("counter", "changed");
  }

  /** The count. */
  public int count() {
    return count;
  }

  /** The last three values. */
  public List<String> log() {
    return List.copyOf(log);
  }
}
