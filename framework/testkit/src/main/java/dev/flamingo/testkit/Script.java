package dev.flamingo.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scripted stream of what the reflector would relay to a session: view events, views joining and
 * exiting, and bare time ticks, each at a reflector time in ms. Build it with {@link #builder()}; times
 * must not go backwards. Thread rule: the builder is single-threaded; a built script is immutable, any thread.
 */
public final class Script {
  private final List<Step> steps;

  private Script(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** Starts an empty script. */
  public static Builder builder() {
    return new Builder();
  }

  /** The steps in reflector order. */
  public List<Step> steps() {
    return steps;
  }

  /** The kinds of step a reflector relays; any thread. */
  public enum Kind { EVENT, JOIN, EXIT, TICK }

  /**
   * One relayed message: an {@code EVENT} uses scope, event and data; {@code JOIN} viewId and data (the
   * view data); {@code EXIT} viewId; {@code TICK} only time. Immutable (treat {@code data} as such), any thread.
   */
  public record Step(long time, Kind kind, String scope, String event, String viewId, Object data) {
    /** One line naming the step, for failure messages. */
    public String describe() {
      return switch (kind) {
        case EVENT -> "event " + scope + ":" + event + " " + data + " at " + time + " ms";
        case JOIN -> "join of view " + viewId + " at " + time + " ms";
        case EXIT -> "exit of view " + viewId + " at " + time + " ms";
        case TICK -> "tick at " + time + " ms";
      };
    }
  }

  /** Collects steps in order; single thread. */
  public static final class Builder {
    private final List<Step> steps = new ArrayList<>();
    private long lastTime;

    private Builder() {
    }

    /** A view publishes {@code scope:event} with {@code data} (null for none), as a model subscribed to it receives it. */
    public Builder event(long time, String scope, String event, Object data) {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(event, "event");
      return add(new Step(time, Kind.EVENT, scope, event, null, data));
    }

    /** A view joins with {@code viewData} (null for none); models see it as {@code view-join}. */
    public Builder join(long time, String viewId, Object viewData) {
      Objects.requireNonNull(viewId, "viewId");
      return add(new Step(time, Kind.JOIN, null, null, viewId, viewData));
    }

    /** A view leaves; models see it as {@code view-exit}. */
    public Builder exit(long time, String viewId) {
      Objects.requireNonNull(viewId, "viewId");
      return add(new Step(time, Kind.EXIT, null, null, viewId, null));
    }

    /** Time passes with no message (the reflector's tick), so futures up to {@code time} run. */
    public Builder tick(long time) {
      return add(new Step(time, Kind.TICK, null, null, null, null));
    }

    private Builder add(Step step) {
      if (step.time() < lastTime) {
        throw new IllegalArgumentException("time must not go backwards: " + step.describe() + " after " + lastTime + " ms");
      }
      lastTime = step.time();
      steps.add(step);
      return this;
    }

    /** The immutable script. */
    public Script build() {
      return new Script(steps);
    }
  }
}
