package dev.flamingo.samples.animation;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.flamingo.fx.SessionWindow;
import dev.flamingo.reflector.ReflectorServer;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Two animation windows on a real reflector: the shapes move, and a click adds a shape in both. */
class AnimationIT {
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
  void shapesMoveAndAClickAddsOneEverywhere() throws Exception {
    a = open(0);
    b = open(640);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shapes(a) == 5 && shapes(b) == 5);
    double before = fx(() -> firstShape(b).getLayoutX());
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> firstShape(b).getLayoutX()) != before);
    new FxRobot().clickOn(fx(() -> a.stage().getScene().lookup("#box")));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shapes(a) == 6 && shapes(b) == 6);
    assertNotEquals(before, fx(() -> firstShape(b).getLayoutX()));
  }

  private SessionWindow open(int x) throws Exception {
    SessionWindow window = fx(() -> {
      Stage stage = new Stage();
      SessionWindow w = Animation.open(stage, reflector.websocketUri(), "animation-it", "secret");
      stage.setX(x);
      stage.setWidth(630);
      return w;
    });
    window.joined().get(30, TimeUnit.SECONDS);
    return window;
  }

  private static int shapes(SessionWindow window) throws Exception {
    return fx(() -> {
      Pane box = (Pane) window.stage().getScene().lookup("#box");
      return box == null ? -1 : box.getChildren().size();
    });
  }

  private static Node firstShape(SessionWindow window) {
    return ((Pane) window.stage().getScene().lookup("#box")).getChildren().get(0);
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }
}
