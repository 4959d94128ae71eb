package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.core.Registry;
import dev.flamingo.reflector.ReflectorServer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With the real client and reflector: in a window-hosted session the view's constructor, its subscription
 * handlers and {@code update} all run on the FX Application Thread, so they may touch nodes directly.
 */
class FxThreadViewsIT {
  private static final Registry REGISTRY = Registry.builder().register("fxtest.Busy", BusyModel.class).build();

  private final ReflectorServer reflector = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
  private final List<String> offFx = new CopyOnWriteArrayList<>();
  private final Set<String> ran = ConcurrentHashMap.newKeySet();
  private SessionWindow window;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws Exception {
    fx(() -> {
      window.close();
      window.stage().close();
      return null;
    });
    reflector.close();
  }

  @Test
  void viewCodeRunsOnTheFxApplicationThread() throws Exception {
    window = fx(() -> SessionWindow.open(new Stage(), JoinParameters.builder().appId("dev.flamingo.fxtest")
        .name("fx-thread").password("pw").registry(REGISTRY).model(BusyModel.class)
        .reflector(reflector.websocketUri()), (m, status) -> new RecordingView((BusyModel) m)));
    window.joined().get(30, TimeUnit.SECONDS);
    fx(() -> {
      ((Button) window.stage().getScene().lookup("#work")).fire();
      return null;
    });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ran.containsAll(Set.of("constructor", "handler", "update")));
    assertEquals(List.of(), offFx, "view code that ran off the FX Application Thread");
    assertTrue(fx(() -> ((Label) window.stage().getScene().lookup("#done")).getText()).startsWith("done"));
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

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }
}
