package dev.flamingo.fx;

import dev.flamingo.client.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs work where a session's models and views run (with manual stepping, at once on the stepping FX thread,
 * through {@code Session.submit}) once the session exists, holding what arrives before. Thread rule: any thread.
 */
final class SessionThread implements Executor {
  private static final System.Logger LOG = System.getLogger(SessionThread.class.getName());

  private final List<Runnable> early = new ArrayList<>();
  private Session session;

  @Override
  public void execute(Runnable task) {
    Session target;
    synchronized (this) {
      if (session == null) {
        early.add(task);
        return;
      }
      target = session;
    }
    submit(target, task);
  }

  /** The session is known: run what waited, in order. */
  void open(Session joined) {
    List<Runnable> waiting;
    synchronized (this) {
      session = joined;
      waiting = List.copyOf(early);
      early.clear();
    }
    waiting.forEach(task -> submit(joined, task));
  }

  /** Runs the task on the session thread; a failure (e.g. a full send buffer refusing an event) is logged. */
  private static void submit(Session session, Runnable task) {
    session.submit(() -> {
      task.run();
      return null;
    }).whenComplete((ignored, failure) -> {
      if (failure != null) {
        LOG.log(System.Logger.Level.WARNING, "view work from the FX thread failed on the session thread", failure);
      }
    });
  }
}
