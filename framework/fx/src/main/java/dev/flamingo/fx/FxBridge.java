package dev.flamingo.fx;

import java.util.Objects;
import javafx.application.Platform;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * The crossing between the thread where models and views run and the FX Application Thread, where the scene
 * graph lives. In a {@link SessionWindow} they are the same thread (the FX thread steps the session), so
 * {@link #toFx} runs its work at once; views run elsewhere (a headless replica thread in tests) queue it, and
 * {@link FxSessionHost} drains the queue once per pulse, right after the step, never one
 * {@code Platform.runLater} per message. FX input goes the other way with {@link #toSession}, through the
 * session's executor (e.g. {@code task -> session.submit(...)}, which runs at once on the stepping thread).
 * Thread rule: {@link #toFx} and {@link #toSession} on any thread; {@link #drain()} on the FX Application
 * Thread only.
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

  /** Runs scene-graph work now on the FX thread (after any still queued), else queues it for the next pulse. */
  public void toFx(Runnable work) {
    fxWork.add(Objects.requireNonNull(work, "work"));
    if (Platform.isFxApplicationThread()) {
      drain();
    }
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
