package dev.flamingo.fx;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Test view: the number of events done, and a button that publishes a burst of work. */
final class BusyView extends FxView<BusyModel> {
  static final int BURST = 200;

  BusyView(BusyModel model) {
    super(model);
    Label done = new Label();
    done.setId("done");
    done.textProperty().bind(Bindings.convert(track("busy", "done", model::done)));
    Button burst = new Button("work");
    burst.setId("burst");
    handle(burst, ActionEvent.ACTION, e -> {
      for (int i = 0; i < BURST; i++) {
        send("busy", "work", null);
      }
    });
    setNode(new VBox(done, burst));
  }
}
