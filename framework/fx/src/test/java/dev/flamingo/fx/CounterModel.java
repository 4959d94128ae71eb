package dev.flamingo.fx;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.List;

/** Test model: a shared counter with a rolling log of its last three values. */
public class CounterModel extends Model {
  int count;
  int exits;
  String lastJoin;
  final List<String> log = new ArrayList<>();

  @Override
  protected void init(Object options) {
    subscribe("counter", "inc", this::inc);
    subscribe(sessionId(), "view-join", this::joined);
    subscribe(sessionId(), "view-exit", this::exited);
  }

  void joined(Object view) {
    lastJoin = String.valueOf(view);
  }

  void exited(Object view) {
    exits++;
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

  /** How many views have left. */
  public int exits() {
    return exits;
  }

  /** The latest view-join's payload, as text. */
  public String lastJoin() {
    return lastJoin;
  }

  /** The last three values. */
  public List<String> log() {
    return List.copyOf(log);
  }
}
