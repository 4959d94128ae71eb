package dev.flamingo.core.vm;

import java.util.Objects;

/**
 * An exception thrown by a model or view handler and contained by the VM: model handlers are skipped
 * identically on every replica, so the report is for the app author. Thread rule: immutable.
 *
 * @param inModel true for model code (replicated), false for view code (local)
 * @param handler the handler, e.g. {@code M3.onPost(Ljava/lang/String;)V} or a view class name
 * @param trigger what invoked it, e.g. {@code event chat:post} or {@code future}
 * @param time the VM time at which it failed
 * @param cause the exception thrown
 */
public record HandlerError(boolean inModel, String handler, String trigger, long time, Throwable cause) {

  /** Validates the parts. */
  public HandlerError {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(cause, "cause");
  }

  /** One line for a log. */
  public String describe() {
    return (inModel ? "model" : "view") + " handler " + handler + " for " + trigger + " at " + time
        + " ms threw " + cause;
  }
}
