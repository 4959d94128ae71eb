package dev.flamingo.fx;

import dev.flamingo.client.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs work on a session's thread once the session exists, holding what arrives before. The view is built
 * (and its input handlers wired) just before {@code Session.join} completes, so the first click can come
 * before the session object is known. Thread rule: any thread.
 */
final class SessionThread implements Executor {
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

  private static void submit(Session session, Runnable task) {
    session.submit(() -> {
      task.run();
      return null;
    });
  }
}
