package dev.flamingo.fx;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * The crossing between a session's thread, where models and views run, and the FX Application Thread, where
 * the scene graph lives. View code queues scene-graph work with {@link #toFx}; {@link FxSessionHost} drains the
 * queue once per pulse, right after the step, so a burst of model events costs one pulse and no
 * {@code Platform.runLater} per message. FX input goes the other way with {@link #toSession}, through the
 * session's executor (e.g. {@code task -> session.submit(...)}). Thread rule: {@link #toFx} and
 * {@link #toSession} on any thread; {@link #drain()} on the FX Application Thread only.
 */
public final class FxBridge {
  private static final System.Logger LOG = System.getLogger(FxBridge.class.getName());

  private final ConcurrentLinkedQueue<Runnable> fxWork = new ConcurrentLinkedQueue<>();
  private final Executor session;

  private FxBridge(Executor session) {
    this.session = session;
  }

  /** A bridge whose {@link #toSession} work runs on {@code sessionThread}. */
  public static FxBridge create(Executor sessionThread) {
    return new FxBridge(Objects.requireNonNull(sessionThread, "sessionThread"));
  }

  /** Queues scene-graph work for the next pulse, in order. */
  public void toFx(Runnable work) {
    fxWork.add(Objects.requireNonNull(work, "work"));
  }

  /** Runs view code (publishing input, reading the model) on the session thread. */
  public void toSession(Runnable work) {
    session.execute(Objects.requireNonNull(work, "work"));
  }

  /**
   * Runs the queued scene-graph work, including work queued meanwhile; an exception is logged and the rest
   * still runs.
   *
   * @return how many items ran
   */
  public int drain() {
    FxThread.check("FxBridge.drain");
    int ran = 0;
    for (Runnable work = fxWork.poll(); work != null; work = fxWork.poll()) {
      ran++;
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "scene-graph update failed", e);
      }
    }
    return ran;
  }
}
