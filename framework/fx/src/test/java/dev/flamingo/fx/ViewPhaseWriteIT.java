package dev.flamingo.fx;

import static dev.flamingo.fx.testing.SessionWindows.await;
import static dev.flamingo.fx.testing.SessionWindows.fx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.core.Registry;
import dev.flamingo.fx.testing.SessionWindows;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the real client and reflector: {@code debug(WRITE)} also catches a view that writes model state inside
 * the step, in its handler for a model event, not only between pulses.
 */
class ViewPhaseWriteIT {
  private static final Registry REGISTRY = Registry.builder().register("fxtest.Counter", CounterModel.class).build();

  @RegisterExtension
  final SessionWindows windows = new SessionWindows();

  @Test
  void writeInAViewEventHandlerIsNamed() throws Exception {
    SessionWindow window = windows.open((stage, reflector, session) -> SessionWindow.open(stage,
        JoinParameters.builder().appId("dev.flamingo.fxtest").name(session).password("pw").registry(REGISTRY)
            .model(CounterModel.class).reflector(reflector).debug(DebugFlag.WRITE),
        (model, status) -> new WritingView((CounterModel) model)));
    Session joined = window.session();
    await(() -> fx(() -> window.host().stepCount()) > 2);
    joined.submit(() -> {
      ((WritingView) joined.view()).send("counter", "inc", null);
      return null;
    }).get();
    await(() -> fx(() -> window.frame().fatalPane().titleText()).equals("Session stopped"));
    String detail = fx(() -> window.frame().fatalPane().detailText());
    assertTrue(detail.contains(joined.model() + ".count") && detail.contains("in a view event handler"), detail);
  }

  /** A buggy view: on "changed" it sets the model's count itself instead of publishing an event. */
  static final class WritingView extends FxView<CounterModel> {
    WritingView(CounterModel model) {
      super(model);
      subscribe("counter", "changed", () -> model().count = 99);
      setNode(new Label("writer"));
    }
  }
}
