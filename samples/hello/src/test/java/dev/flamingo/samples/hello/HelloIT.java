package dev.flamingo.samples.hello;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.fx.SessionWindow;
import dev.flamingo.reflector.ReflectorServer;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Two hello windows on a real reflector count together, and a click in one resets both. */
class HelloIT {
  private final ReflectorServer reflector = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
  private SessionWindow a;
  private SessionWindow b;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws Exception {
    fx(() -> {
      a.close();
      b.close();
      a.stage().close();
      b.stage().close();
      return null;
    });
    reflector.close();
  }

  @Test
  void bothWindowsCountTogetherAndAClickResetsBoth() throws Exception {
    a = open(0);
    b = open(500);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> count(a) >= 3 && count(b) >= 3);
    new FxRobot().clickOn(fx(() -> a.stage().getScene().lookup("#countDisplay")));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> count(a) < 3 && count(b) < 3);
    // Both show the same replicated count (allowing for a tick landing between the two reads).
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> count(a) == count(b));
    assertTrue(count(a) < 3);
  }

  private SessionWindow open(int x) throws Exception {
    SessionWindow window = fx(() -> {
      Stage stage = new Stage();
      SessionWindow w = Hello.open(stage, reflector.websocketUri(), "hello-it", "secret");
      stage.setX(x);
      stage.setWidth(480);
      return w;
    });
    window.joined().get(30, TimeUnit.SECONDS);
    return window;
  }

  private static int count(SessionWindow window) throws Exception {
    String text = fx(() -> {
      Label label = (Label) window.stage().getScene().lookup("#countDisplay");
      return label == null ? "" : label.getText();
    });
    return text.isEmpty() ? -1 : Integer.parseInt(text);
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }
}
