package dev.flamingo.fx;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.client.SessionFailedException;
import dev.flamingo.core.View;
import dev.flamingo.fx.widgets.SessionFrame;
import dev.flamingo.fx.widgets.SessionStatus;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A stage showing one session: joins with manual stepping, steps the session from the stage's pulses, frames
 * the root view's node with the session widgets, and (optionally) sleeps when minimized or hidden and joins
 * again when shown. With {@code debug(DebugFlag.WRITE)} in the parameters, a view writing model state between
 * steps stops the session with a message naming the field. The shortest way to put a Flamingo app on screen:
 *
 * <pre>{@code
 * SessionWindow.open(stage, JoinParameters.builder().appId("com.example.hello").name("demo")
 *     .password("secret").registry(registry).model(Counter.class).reflector(uri),
 *     (model, status) -> new CounterView((Counter) model));
 * }</pre>
 *
 * Thread rule: FX Application Thread only.
 */
public final class SessionWindow {
  private static final System.Logger LOG = System.getLogger(SessionWindow.class.getName());

  private final Stage stage;
  private final SessionStatus status;
  private final SessionFrame frame;
  private final FxSessionHost host = FxSessionHost.start();
  private AutoSleep autoSleep;
  private volatile Session session;
  private CompletableFuture<Session> joined;

  private SessionWindow(Stage stage, PendingJoin first) {
    this.stage = stage;
    this.status = first.status();
    this.frame = new SessionFrame(status);
    host.addPulseListener(this::pulse);
    host.addPulseListener(frame::refresh);
    host.onFailure(e -> {
      LOG.log(System.Logger.Level.ERROR, "session stopped", e);
      status.reportFatal("Session stopped", String.valueOf(e.getMessage()));
    });
  }

  /**
   * Puts the session widgets in {@code stage}'s scene (creating a 640x600 scene if it has none), starts
   * joining with {@code parameters} (its view, step and progress settings are set here) and shows the stage.
   */
  public static SessionWindow open(Stage stage, JoinParameters.Builder parameters, FxViewFactory factory) {
    FxThread.check("SessionWindow.open");
    return open(stage, PendingJoin.begin(parameters, factory));
  }

  /**
   * Like {@link #open(Stage, JoinParameters.Builder, FxViewFactory)} for a join begun earlier (e.g. while
   * JavaFX was starting).
   */
  public static SessionWindow open(Stage stage, PendingJoin join) {
    FxThread.check("SessionWindow.open");
    SessionWindow window = new SessionWindow(Objects.requireNonNull(stage, "stage"), Objects.requireNonNull(join, "join"));
    stage.setScene(new Scene(window.frame, 640, 600));
    stage.setOnHidden(e -> window.close());
    window.show(join);
    stage.show();
    return window;
  }

  /**
   * Croquet's autoSleep: after {@code seconds} minimized the session goes dormant (it disconnects, and once
   * rejoinLimit passes the others see this view leave); shown again, it wakes and joins again as the same view.
   */
  public SessionWindow autoSleep(double seconds) {
    FxThread.check("SessionWindow.autoSleep");
    if (autoSleep != null) {
      autoSleep.close();
    }
    autoSleep = AutoSleep.install(stage, seconds, () -> dormant(true), () -> dormant(false));
    return this;
  }

  /**
   * Completes once joined and the root view is built (by the first step, on the FX thread), or fails with the
   * reason (also shown in the window).
   */
  public CompletableFuture<Session> joined() {
    return joined;
  }

  /** The session, or null while joining. */
  public Session session() {
    return session;
  }

  /** The stage. */
  public Stage stage() {
    return stage;
  }

  /** The session widgets around the app (add a join link with {@code frame().setJoinLink(...)}). */
  public SessionFrame frame() {
    return frame;
  }

  /** What the widgets show. */
  public SessionStatus status() {
    return status;
  }

  /** The pulse driver. */
  public FxSessionHost host() {
    return host;
  }

  /** Leaves the session and stops the pulses; completes when the session has left. */
  public CompletableFuture<Void> close() {
    FxThread.check("SessionWindow.close");
    if (autoSleep != null) {
      autoSleep.close();
    }
    CompletableFuture<Void> left = leave();
    host.stop();
    return left;
  }

  private void show(PendingJoin join) {
    JoinParameters built = join.built();
    join.showIn(this::show);
    CompletableFuture<Session> viewBuilt = new CompletableFuture<>();
    joined = viewBuilt;
    // The join completes on the session thread; one hand-off per join brings it to the FX thread.
    join.session().whenCompleteAsync((joinedSession, failure) -> {
      if (failure != null) {
        SessionStatus.Fatal fatal = describe(failure);
        LOG.log(System.Logger.Level.WARNING, fatal.title() + ": " + fatal.detail());
        status.reportFatal(fatal.title(), fatal.detail());
        viewBuilt.completeExceptionally(failure);
        return;
      }
      session = joinedSession;
      joinedSession.ended().whenComplete((left, end) -> {
        if (end != null) {
          ended(end);
        }
      });
      // From here the FX thread owns the replica: each pulse's step runs it, the first one builds the view.
      host.drive(time -> {
        joinedSession.step(time);
        if (!viewBuilt.isDone() && joinedSession.view() != null) {
          viewBuilt.complete(joinedSession);
        }
      });
      if (autoSleep != null && autoSleep.isAsleep()) {
        joinedSession.sleep(); // minimized long enough while still joining
      }
      if (built.debug(DebugFlag.WRITE)) {
        WriteDetector detector = writeDetector(joinedSession);
        host.detectWrites(detector);
        join.detectWrites(detector);
      }
    }, Platform::runLater);
  }

  /**
   * Croquet's {@code debug: "write"}: fingerprints the models between steps, right here on the FX thread that
   * owns them, while the session is synced (when it is not, the client may simulate between steps and the
   * check would misfire).
   */
  private static WriteDetector writeDetector(Session joined) {
    return WriteDetector.watching(() -> joined.isSynced() ? joined.model() : null);
  }

  /**
   * A fatal problem ended the session after the window was up: cover the app with the reason. Reported through
   * {@link SessionStatus} (any thread), which the frame pulls on the next pulse.
   */
  private void ended(Throwable end) {
    SessionStatus.Fatal fatal = describe(end, "Session ended");
    LOG.log(System.Logger.Level.WARNING, fatal.title() + ": " + fatal.detail());
    status.reportFatal(fatal.title(), fatal.detail());
  }

  private View show(View view) {
    FxThread.check("the root view factory");
    if (view instanceof FxView<?> fxView && fxView.node() != null) {
      frame.setContent(fxView.node());
    }
    return view;
  }

  private CompletableFuture<Void> leave() {
    Session current = session;
    session = null;
    host.drive(null);
    return current == null ? CompletableFuture.completedFuture(null) : current.leave();
  }

  private void dormant(boolean asleep) {
    Session current = session;
    if (current != null && asleep) {
      current.sleep();
    } else if (current != null) {
      current.wake();
    }
  }

  private void pulse() {
    Session current = session;
    if (current != null) {
      status.reportSynced(current.isSynced());
    }
  }

  /** A headline and an explanation for a failed join or a session ended by a fatal problem. */
  public static SessionStatus.Fatal describe(Throwable failure) {
    return describe(failure, "Cannot join the session");
  }

  private static SessionStatus.Fatal describe(Throwable failure, String otherwise) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof SessionFailedException failed) {
      String message = failed.getMessage();
      if (message.startsWith("wrong password")) {
        return new SessionStatus.Fatal("Wrong password", "The password does not open this session. " + message);
      }
      if (failed.closeCode() == 4100) {
        return new SessionStatus.Fatal("Code version changed", "The reflector no longer accepts this version: " + message);
      }
      if (failed.closeCode() > 1000 && failed.closeCode() < 4100) {
        return new SessionStatus.Fatal("Reflector unreachable", message);
      }
      return new SessionStatus.Fatal(otherwise, message + " (close code " + failed.closeCode() + ")");
    }
    return new SessionStatus.Fatal(otherwise, String.valueOf(cause));
  }
}
