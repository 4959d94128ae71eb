package dev.flamingo.fx.widgets;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the session widgets show, reported from wherever it is known (the client's join progress listener, a
 * view's {@code synced} subscription, a failed join) and pulled by {@link SessionFrame#refresh()} once per
 * pulse, so no report ever touches the scene graph. Thread rule: any thread.
 */
public final class SessionStatus {
  private volatile double progress;
  private volatile boolean behind;
  private volatile int people = -1;
  private final AtomicReference<Fatal> fatal = new AtomicReference<>();

  /**
   * A session-ending problem, shown until the window closes.
   *
   * @param title short headline, e.g. "Wrong password"
   * @param detail what happened and what to do
   */
  public record Fatal(String title, String detail) {
    /** Validates. */
    public Fatal {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** An immutable reading of the status. */
  public record State(double progress, boolean behind, int people, Fatal fatal) {
    /** True while joining or behind the reflector: the catching-up overlay's condition. */
    public boolean catchingUp() {
      return fatal == null && (progress < 1 || behind);
    }
  }

  /** Join progress from 0 to 1 (Croquet's {@code progressReporter}); negative means the join failed. */
  public void reportProgress(double fraction) {
    if (Double.isNaN(fraction)) {
      throw new IllegalArgumentException("progress must be a number, got NaN");
    }
    progress = Math.min(1, fraction);
  }

  /** The client's {@code synced} event: false while the replica lags the reflector. */
  public void reportSynced(boolean synced) {
    behind = !synced;
  }

  /** Number of people (views) in the session. */
  public void reportPeople(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("people count must be >= 0, got " + count);
    }
    people = count;
  }

  /** A fatal error; the first one reported wins. */
  public void reportFatal(String title, String detail) {
    fatal.compareAndSet(null, new Fatal(title, detail));
  }

  /** The current state. */
  public State read() {
    return new State(progress, behind, people, fatal.get());
  }
}
