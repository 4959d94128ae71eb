package dev.flamingo.fx;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Test view: the count bound in one line, an increment button, and the log as labels. */
final class CounterView extends FxView<CounterModel> {
  final Label count = new Label();
  final Button inc = new Button("+1");
  final VBox log = new VBox();
  int updates;

  CounterView(CounterModel model) {
    super(model);
    count.setId("count");
    inc.setId("inc");
    count.textProperty().bind(Bindings.convert(track("counter", "changed", model::count)));
    Bindings.bindContent(log.getChildren(), trackList("counter", "changed", model::log, text -> (Node) new Label(text)));
    handle(inc, javafx.event.ActionEvent.ACTION, e -> send("counter", "inc", null));
    setNode(new VBox(count, inc, log));
  }

  CounterView newChildForTest() {
    return addChild(new CounterView(model()));
  }

  @Override
  public void update(long frameTimeMs) {
    updates++;
  }
}
