package dev.flamingo.fx;

import static dev.flamingo.fx.testing.SessionWindows.await;
import static dev.flamingo.fx.testing.SessionWindows.fx;
import static dev.flamingo.fx.testing.SessionWindows.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.core.Registry;
import dev.flamingo.fx.testing.SessionWindows;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the real client and reflector: in a window-hosted session the view's constructor, its subscription
 * handlers and {@code update} all run on the FX Application Thread, so they may touch nodes directly.
 */
class FxThreadViewsIT {
  private static final Registry REGISTRY = Registry.builder().register("fxtest.Busy", BusyModel.class).build();

  @RegisterExtension
  final SessionWindows windows = new SessionWindows();
  private final List<String> offFx = new CopyOnWriteArrayList<>();
  private final Set<String> ran = ConcurrentHashMap.newKeySet();

  @Test
  void viewCodeRunsOnTheFxApplicationThread() throws Exception {
    SessionWindow window = windows.open((stage, reflector, session) -> SessionWindow.open(stage,
        JoinParameters.builder().appId("dev.flamingo.fxtest").name(session).password("pw").registry(REGISTRY)
            .model(BusyModel.class).reflector(reflector), (m, status) -> new RecordingView((BusyModel) m)));
    fx(() -> {
      ((Button) window.stage().getScene().lookup("#work")).fire();
      return null;
    });
    await(() -> ran.containsAll(Set.of("constructor", "handler", "update")));
    assertEquals(List.of(), offFx, "view code that ran off the FX Application Thread");
    assertTrue(text(window, "#done").startsWith("done"));
  }

  private void record(String what) {
    ran.add(what);
    if (!Platform.isFxApplicationThread()) {
      offFx.add(what + " on " + Thread.currentThread().getName());
    }
  }

  /** Changes its label straight from the model's handler: legal only on the FX thread. */
  private final class RecordingView extends FxView<BusyModel> {
    private final Label done = new Label("none");

    RecordingView(BusyModel model) {
      super(model);
      record("constructor");
      done.setId("done");
      Button work = new Button("work");
      work.setId("work");
      handle(work, ActionEvent.ACTION, e -> send("busy", "work", null));
      subscribe("busy", "done", () -> {
        record("handler");
        done.setText("done " + model.done());
      });
      setNode(new VBox(done, work));
    }

    @Override
    public void update(long frameTimeMs) {
      record("update");
    }
  }
}
