package dev.flamingo.fx.widgets;

import dev.flamingo.fx.JoinLink;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * Frames an app's node with the session widgets: a bar with the people badge and the join link on top, the
 * catching-up overlay and the fatal error display above the content. Each pulse {@link #refresh()} pulls
 * {@link SessionStatus} (add it with {@code host.addPulseListener(frame::refresh)}); the root view reports the
 * people count from its {@code update}, where the model may be read. Thread rule: FX Application Thread only.
 */
public final class SessionFrame extends StackPane {
  private final SessionStatus status;
  private final BorderPane layout = new BorderPane();
  private final HBox bar = new HBox(8);
  private final PeopleBadge badge = new PeopleBadge();
  private final CatchingUpOverlay overlay = new CatchingUpOverlay();
  private final FatalErrorPane fatal = new FatalErrorPane();

  /** Builds a frame showing {@code status}. */
  public SessionFrame(SessionStatus status) {
    this.status = Objects.requireNonNull(status, "status");
    bar.getChildren().add(badge);
    bar.setStyle("-fx-padding: 4;");
    layout.setTop(bar);
    getChildren().addAll(layout, overlay, fatal);
  }

  /** Puts the app's node in the frame (replacing any previous one). */
  public void setContent(Node content) {
    layout.setCenter(content);
  }

  /** Shows a copyable join link in the bar. */
  public void setJoinLink(JoinLink link) {
    bar.getChildren().removeIf(JoinLinkBox.class::isInstance);
    JoinLinkBox box = new JoinLinkBox(link);
    HBox.setHgrow(box, Priority.ALWAYS);
    bar.getChildren().add(box);
  }

  /** Pulls the status into the widgets; call once per pulse. */
  public void refresh() {
    if (!Platform.isFxApplicationThread()) {
      throw new IllegalStateException("SessionFrame.refresh must be called on the FX Application Thread, not on thread \""
          + Thread.currentThread().getName() + "\"; add it as a pulse listener of the FxSessionHost");
    }
    refresh(System.nanoTime());
  }

  void refresh(long nowNanos) {
    SessionStatus.State state = status.read();
    badge.show(state.people());
    overlay.show(state, nowNanos);
    fatal.show(state.fatal());
  }

  /** The badge. */
  public PeopleBadge badge() {
    return badge;
  }

  /** The catching-up overlay. */
  public CatchingUpOverlay overlay() {
    return overlay;
  }

  /** The fatal error display. */
  public FatalErrorPane fatalPane() {
    return fatal;
  }
}
