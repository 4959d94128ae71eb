package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.core.Registry;
import dev.flamingo.reflector.ReflectorServer;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With the real client and reflector: a window joining a session whose history takes seconds to replay (400
 * events of a few milliseconds each) shows the catching-up overlay, keeps pulsing, and drops the overlay once
 * current.
 */
class CatchingUpIT {
  private static final Registry REGISTRY = Registry.builder().register("fxtest.Busy", BusyModel.class).build();
  private static final int EVENTS = 400;

  private final ReflectorServer reflector = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
  private final List<SessionWindow> windows = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws Exception {
    for (SessionWindow window : windows) {
      fx(() -> {
        window.close();
        window.stage().close();
        return null;
      });
    }
    reflector.close();
  }

  @Test
  void overlayShowsWhileALongHistoryReplays() throws Exception {
    SessionWindow writer = open();
    for (int i = 0; i < EVENTS / BusyView.BURST; i++) {
      fx(() -> {
        ((Button) writer.stage().getScene().lookup("#burst")).fire();
        return null;
      });
    }
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done(writer) == EVENTS);
    List<Boolean> overlay = new CopyOnWriteArrayList<>();
    SessionWindow late = fx(() -> {
      SessionWindow w = SessionWindow.open(new Stage(), parameters(), (m, status) -> new BusyView((BusyModel) m));
      w.host().addPulseListener(() -> overlay.add(w.frame().overlay().isVisible()));
      return w;
    });
    windows.add(late);
    late.joined().get(60, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> done(late) == EVENTS && !fx(() -> late.frame().overlay().isVisible()));
    assertTrue(overlay.contains(true), "the overlay was up while catching up");
    assertTrue(overlay.indexOf(true) > 10, "the window kept pulsing while catching up: " + overlay.indexOf(true));
  }

  private SessionWindow open() throws Exception {
    SessionWindow window = fx(() -> SessionWindow.open(new Stage(), parameters(),
        (m, status) -> new BusyView((BusyModel) m)));
    windows.add(window);
    window.joined().get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> done(window) >= 0);
    return window;
  }

  private JoinParameters.Builder parameters() {
    // No snapshot during the test, so the late window replays every event.
    return JoinParameters.builder().appId("dev.flamingo.fxtest").name("busy").password("pw").registry(REGISTRY)
        .model(BusyModel.class).reflector(reflector.websocketUri()).snapshotAfterCpuMs(600_000);
  }

  private static int done(SessionWindow window) throws Exception {
    return fx(() -> {
      Label label = (Label) window.stage().getScene().lookup("#done");
      return label == null ? -1 : Integer.parseInt(label.getText());
    });
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }
}
