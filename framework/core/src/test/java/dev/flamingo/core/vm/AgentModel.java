package dev.flamingo.core.vm;

import dev.flamingo.core.FutureHandle;
import dev.flamingo.core.Model;

/** An agent of the workload: reacts to model events, reschedules itself randomly, sometimes throws. */
public class AgentModel extends Model {
  int energy;
  long lastTick;
  FutureHandle wake;
  AgentModel friend;

  @Override
  protected void init(Object options) {
    energy = (Integer) options;
    subscribe("agents", "tick", this::onTick);
    subscribe("agents", "poke", this::onPoke);
    wake = future((long) (random() * 100), this::wake, energy);
  }

  void onTick(Long sum) {
    lastTick = sum;
    if (sum % 11 == 0) {
      throw new IllegalStateException("agent " + id() + " trips on " + sum);
    }
  }

  void onPoke(Integer value) {
    energy += value;
    if (value % 5 == 0 && wake != null) {
      cancelFuture(wake);
      wake = null;
    }
    if (value % 4 == 0) {
      friend = (AgentModel) getModel("M" + (1 + value % 9));
    }
  }

  void wake(Integer e) {
    energy -= e / 2;
    wake = future((long) (random() * 200), this::wake, energy);
  }
}
