package dev.flamingo.samples.hello;

import dev.flamingo.fx.FxView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/**
 * Shows the count in large type; a click anywhere resets it for everyone. Thread rule: FX Application Thread
 * only (see {@link FxView}).
 */
public final class HelloView extends FxView<HelloModel> {

  /** Builds the view. */
  public HelloView(HelloModel model) {
    super(model);
    Label count = new Label();
    count.setId("countDisplay");
    count.setStyle("-fx-font-size: 64px;");
    count.textProperty().bind(Bindings.convert(track("counter", "changed", model::count)));
    StackPane pane = new StackPane(count, new Label("click to reset"));
    StackPane.setAlignment(pane.getChildren().get(1), Pos.BOTTOM_CENTER);
    handle(pane, MouseEvent.MOUSE_CLICKED, e -> send("counter", "reset", null));
    setNode(pane);
  }
}
