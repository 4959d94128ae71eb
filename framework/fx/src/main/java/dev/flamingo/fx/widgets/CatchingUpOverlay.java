package dev.flamingo.fx.widgets;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * A translucent "Catching up…" layer with a progress bar. As in Croquet, it appears only once catching up has
 * lasted 500 ms, so a quick join never flashes it, and disappears as soon as the replica is current. Thread
 * rule: FX Application Thread only.
 */
public final class CatchingUpOverlay extends VBox {
  static final long SHOW_AFTER_NANOS = 500_000_000L;

  private final ProgressBar bar = new ProgressBar(0);
  private long since = -1;

  /** Builds the overlay, hidden. */
  public CatchingUpOverlay() {
    super(8, new Label("Catching up…"));
    getChildren().add(bar);
    bar.setPrefWidth(220);
    setAlignment(Pos.CENTER);
    setStyle("-fx-background-color: rgba(255,255,255,0.82); -fx-font-size: 16px;");
    setId("catching-up");
    setVisible(false);
    setManaged(false);
  }

  /** Shows or hides according to {@code state} at monotonic time {@code nowNanos}. */
  public void show(SessionStatus.State state, long nowNanos) {
    if (!state.catchingUp()) {
      since = -1;
      setVisible(false);
      return;
    }
    if (since < 0) {
      since = nowNanos;
    }
    bar.setProgress(state.progress() < 1 && state.progress() > 0 ? state.progress() : ProgressBar.INDETERMINATE_PROGRESS);
    setVisible(nowNanos - since >= SHOW_AFTER_NANOS);
  }

  /** The progress shown (−1 while indeterminate). */
  public double progress() {
    return bar.getProgress();
  }
}
