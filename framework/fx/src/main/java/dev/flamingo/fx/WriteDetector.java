package dev.flamingo.fx;

import dev.flamingo.core.Model;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Detects view code writing to model state (Croquet's {@code debug: "write"}): {@link #capture()} takes a
 * per-field fingerprint of every model reachable from the root, {@link #check(String)} compares a fresh one and
 * throws {@link ViewWroteModelException} naming the field that changed. {@link FxSessionHost#detectWrites}
 * captures after each step and checks before the next, so only view code can have run in between; a
 * {@link SessionWindow} also runs it around the view phases inside each step (view event handlers and
 * {@code update}) through the client's {@link dev.flamingo.client.ViewPhaseListener}. Costs a
 * walk over the whole model state per pulse: a debugging aid. Thread rule: the thread that steps the session
 * (which owns the models), except {@link #reset()} (any thread).
 */
public final class WriteDetector {
  private final Supplier<? extends Model> root;
  private volatile Map<String, Long> baseline;

  private WriteDetector(Supplier<? extends Model> root) {
    this.root = root;
  }

  /**
   * Watches the models reachable from {@code root}, read on every capture. Let
   * {@code root} return null while model code may legitimately run between steps (e.g. while the session is
   * not synced and simulates in the background): no baseline is then kept.
   */
  public static WriteDetector watching(Supplier<? extends Model> root) {
    return new WriteDetector(Objects.requireNonNull(root, "root"));
  }

  /** Records the current state as the baseline; call when model code has just finished. */
  public void capture() {
    Model model = root.get();
    baseline = model == null ? null : Fingerprint.of(model);
  }

  /** Forgets the baseline (e.g. after the session was replaced); the next check passes. */
  public void reset() {
    baseline = null;
  }

  /**
   * Compares the state with the baseline.
   *
   * @param when where the code since the baseline ran, for the message
   * @throws ViewWroteModelException naming every changed field
   */
  public void check(String when) {
    Model model = root.get();
    Map<String, Long> before = baseline;
    if (before == null || model == null) {
      return;
    }
    List<String> changed = Fingerprint.differences(before, Fingerprint.of(model));
    if (!changed.isEmpty()) {
      throw new ViewWroteModelException(changed, when);
    }
  }
}
