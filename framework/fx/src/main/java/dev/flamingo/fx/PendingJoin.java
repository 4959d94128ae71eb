package dev.flamingo.fx;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.client.Step;
import dev.flamingo.client.ViewPhaseListener;
import dev.flamingo.core.View;
import dev.flamingo.fx.widgets.SessionStatus;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * A join begun before its window exists, so that connecting, deriving the session key and catching up overlap
 * the JavaFX start-up; {@link SessionWindow#open(javafx.stage.Stage, PendingJoin)} shows it. The root view is
 * still built on the FX thread, by the window's first step. Thread rule: any thread.
 */
public final class PendingJoin {
  private final SessionStatus status;
  private final JoinParameters built;
  private final CompletableFuture<Session> session;
  private volatile UnaryOperator<View> shower;
  private volatile WriteDetector writes;

  private PendingJoin(JoinParameters.Builder parameters, FxViewFactory factory, SessionStatus status) {
    this.status = status;
    this.built = parameters
        .view((model, options) -> show(factory.create(model, status)))
        .step(Step.MANUAL)
        .progress(status::reportProgress)
        .viewPhase(new ViewPhaseChecks())
        .build();
    this.session = Session.join(built);
  }

  /** Starts joining with {@code parameters} (its view, step and progress settings are set here). */
  public static PendingJoin begin(JoinParameters.Builder parameters, FxViewFactory factory) {
    return new PendingJoin(Objects.requireNonNull(parameters, "parameters"), Objects.requireNonNull(factory, "factory"),
        new SessionStatus());
  }

  /** What the widgets show; the window that opens this join shows it. */
  public SessionStatus status() {
    return status;
  }

  JoinParameters built() {
    return built;
  }

  CompletableFuture<Session> session() {
    return session;
  }

  /** Checks that view code run inside each step (event handlers, update) writes no model state; null stops. */
  void detectWrites(WriteDetector detector) {
    writes = detector;
  }

  /** The window's hook for the root view; set before its first step, which is where the view is built. */
  void showIn(UnaryOperator<View> window) {
    shower = window;
  }

  private View show(View view) {
    UnaryOperator<View> window = shower;
    if (window == null) {
      throw new IllegalStateException("the root view was built before a SessionWindow opened this join");
    }
    return window.apply(view);
  }

  /** Runs the write detector around the view phases inside a step; the host checks between steps. */
  private final class ViewPhaseChecks implements ViewPhaseListener {
    @Override
    public void beforeViews() {
      WriteDetector detector = writes;
      if (detector != null) {
        detector.capture();
      }
    }

    @Override
    public void afterViews() {
      WriteDetector detector = writes;
      if (detector != null) {
        detector.check("in a view event handler or update()");
      }
    }
  }
}
