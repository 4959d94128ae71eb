package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Root of the replica workload: spawns and kills agents, keeps hash-ordered and list state, uses the
 * replicated random stream, repeating futures, generic subscriptions and the view-join/exit events.
 */
public class WorkloadModel extends Model {
  final List<AgentModel> agents = new ArrayList<>();
  final Map<String, Integer> counts = new HashMap<>();
  final List<Double> samples = new ArrayList<>();
  final List<String> views = new ArrayList<>();
  long sum;
  int generic;

  @Override
  protected void init(Object options) {
    subscribe("w", "spawn", this::spawn);
    subscribe("w", "kill", this::kill);
    subscribe("w", "poke", this::poke);
    subscribe("*", "poke", this::anyPoke);
    subscribe(sessionId(), "view-join", this::joined);
    subscribe(sessionId(), "view-exit", this::exited);
    futureRepeat(37, this::step);
  }

  void spawn(Integer n) {
    agents.add(create(AgentModel.class, n));
  }

  void kill(Integer index) {
    if (!agents.isEmpty()) {
      agents.remove(index % agents.size()).destroy();
    }
  }

  void poke(Integer value) {
    counts.merge("k" + value % 7, 1, Integer::sum);
    samples.add(random());
    publish("agents", "poke", value);
  }

  void anyPoke(Object data) {
    generic++;
  }

  void step() {
    sum += (long) (random() * 1000);
    if (sum % 3 == 0) {
      publish("agents", "tick", sum);
    }
  }

  void joined(Object viewId) {
    views.add("+" + viewId + "@" + now());
  }

  void exited(Object viewId) {
    views.add("-" + viewId + "@" + now());
  }
}
