package dev.flamingo.core.guard;

import java.util.List;

/**
 * Thrown by {@link DeterminismGuard#check(Class)} when a class's bytecode contains determinism hazards;
 * the message lists each one with its location and what to use instead. Thread rule: immutable.
 */
public final class NondeterminismException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Hazard> hazards;

  NondeterminismException(Class<?> type, List<Hazard> hazards) {
    super(message(type, hazards));
    this.hazards = List.copyOf(hazards);
  }

  /** Every hazard found, in bytecode order. */
  public List<Hazard> hazards() {
    return hazards;
  }

  private static String message(Class<?> type, List<Hazard> hazards) {
    StringBuilder text = new StringBuilder()
        .append(type.getName()).append(" cannot run in a replicated model: ")
        .append(hazards.size()).append(hazards.size() == 1 ? " determinism hazard" : " determinism hazards");
    for (Hazard hazard : hazards) {
      text.append("\n  at ").append(hazard.describe());
    }
    return text.append("\nIf a finding is a false positive, annotate the method, field or class with ")
        .append("@dev.flamingo.core.guard.AllowNondeterminism(\"<why it is deterministic>\").")
        .toString();
  }
}
