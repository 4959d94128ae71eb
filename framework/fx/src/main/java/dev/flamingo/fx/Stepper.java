package dev.flamingo.fx;

/**
 * One main-loop step of a session, as the client's session in manual stepping provides it
 * ({@code session::step}): take what arrived from the network, simulate within a time budget, deliver
 * queued model-to-view events, then call the root view's {@code update(frameTimeMs)}. Thread rule: called
 * only on the FX Application Thread, which thereby owns the session's models and views.
 */
@FunctionalInterface
public interface Stepper {

  /** Runs one step for the animation frame at {@code frameTimeMs} (a monotonic millisecond clock). */
  void step(long frameTimeMs);
}
