package dev.flamingo.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Drives a session from JavaFX pulses. Thread rule: FX Application Thread only (checked on every call).
 *
 * <p>Design: one {@link AnimationTimer} is the session's main loop. On each pulse the host calls
 * {@link Stepper#step} once (network intake, budgeted simulation, queued view events, root view update, all
 * on the FX thread: in manual stepping the thread that steps a session owns its models and views, so views
 * change nodes directly), then runs its pulse listeners (session widgets pull their state here). Network
 * threads only enqueue; they never touch the scene graph and nothing goes through one
 * {@code Platform.runLater} per message, so a burst of messages costs one pulse, and a long catch-up is
 * spread over pulses by the step's time budget instead of freezing the window. A failing step stops the
 * stepping (the replica can no longer be trusted) and is handed to the failure handler; a failing pulse
 * listener is logged and the others still run.
 */
public final class FxSessionHost {
  private static final System.Logger LOG = System.getLogger(FxSessionHost.class.getName());

  private final AnimationTimer timer = new AnimationTimer() {
    @Override
    public void handle(long now) {
      pulse(now);
    }
  };
  private final List<Runnable> pulseListeners = new ArrayList<>();
  private Stepper stepper;
  private WriteDetector detector;
  private Consumer<Throwable> failureHandler = e -> LOG.log(System.Logger.Level.ERROR, "session step failed", e);
  private Throwable failure;
  private long pulses;
  private long steps;
  private boolean running;

  private FxSessionHost() {}

  /** Creates a host and starts its pulse timer; call {@link #drive} once the session exists. */
  public static FxSessionHost start() {
    FxThread.check("FxSessionHost.start");
    FxSessionHost host = new FxSessionHost();
    host.timer.start();
    host.running = true;
    return host;
  }

  /** Steps {@code stepper} on every pulse from now on, replacing any previous one; null stops stepping. */
  public void drive(Stepper stepper) {
    FxThread.check("FxSessionHost.drive");
    this.stepper = stepper;
    this.failure = null;
    if (detector != null) {
      detector.reset();
    }
  }

  /**
   * Turns on Croquet's {@code debug: "write"} check: model state is fingerprinted after each step and
   * compared before the next, so a write by view code between pulses (a control's event handler, a
   * listener) fails the session with a message naming the field. Null turns it off.
   */
  public void detectWrites(WriteDetector detector) {
    FxThread.check("FxSessionHost.detectWrites");
    this.detector = detector;
  }

  /** Receives the exception that stopped stepping (a broken replica or a detected view write). */
  public void onFailure(Consumer<Throwable> handler) {
    FxThread.check("FxSessionHost.onFailure");
    this.failureHandler = Objects.requireNonNull(handler, "handler");
  }

  /** Runs {@code listener} on every pulse after the step, e.g. a widget pulling session status. */
  public void addPulseListener(Runnable listener) {
    FxThread.check("FxSessionHost.addPulseListener");
    pulseListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added with {@link #addPulseListener}. */
  public void removePulseListener(Runnable listener) {
    FxThread.check("FxSessionHost.removePulseListener");
    pulseListeners.remove(listener);
  }

  /** Pulses handled since start. */
  public long pulseCount() {
    FxThread.check("FxSessionHost.pulseCount");
    return pulses;
  }

  /** Steps made since start (pulses with a stepper and no failure). */
  public long stepCount() {
    FxThread.check("FxSessionHost.stepCount");
    return steps;
  }

  /** The exception that stopped stepping, or null. */
  public Throwable failure() {
    FxThread.check("FxSessionHost.failure");
    return failure;
  }

  /** True until {@link #stop()}. */
  public boolean isRunning() {
    FxThread.check("FxSessionHost.isRunning");
    return running;
  }

  /** Stops the pulse timer; the session itself is left to its owner to leave. */
  public void stop() {
    FxThread.check("FxSessionHost.stop");
    timer.stop();
    running = false;
    stepper = null;
  }

  private void pulse(long nowNanos) {
    pulses++;
    if (stepper != null && failure == null) {
      step(nowNanos / 1_000_000L);
    }
    for (Runnable listener : List.copyOf(pulseListeners)) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "pulse listener " + listener + " failed", e);
      }
    }
  }

  private void step(long frameTimeMs) {
    try {
      if (detector != null) {
        detector.check("between pulses (an FX event handler or listener)");
      }
      stepper.step(frameTimeMs);
      steps++;
      if (detector != null) {
        detector.capture();
      }
    } catch (RuntimeException e) {
      failure = e;
      stepper = null;
      failureHandler.accept(e);
    }
  }
}
