package dev.flamingo.fx.widgets;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A layer that covers the app with a clear message when the session has ended for good (wrong password,
 * reflector gone, code version changed). Thread rule: FX Application Thread only.
 */
public final class FatalErrorPane extends VBox {
  private final Label title = new Label();
  private final Label detail = new Label();

  /** Builds the pane, hidden. */
  public FatalErrorPane() {
    super(10);
    title.setId("fatal-title");
    detail.setId("fatal-detail");
    title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold; -fx-text-fill: #9b2c2c;");
    detail.setWrapText(true);
    getChildren().addAll(title, detail);
    setAlignment(Pos.CENTER);
    setStyle("-fx-background-color: rgba(255,245,245,0.95); -fx-padding: 24;");
    setId("fatal-error");
    setVisible(false);
  }

  /** Shows {@code fatal}, or hides when null. */
  public void show(SessionStatus.Fatal fatal) {
    setVisible(fatal != null);
    if (fatal != null) {
      title.setText(fatal.title());
      detail.setText(fatal.detail());
    }
  }

  /** The explanation shown, or "" when hidden. */
  public String detailText() {
    return isVisible() ? detail.getText() : "";
  }

  /** The headline shown, or "" when hidden. */
  public String titleText() {
    return isVisible() ? title.getText() : "";
  }
}
