package dev.flamingo.samples.animation;

import static dev.flamingo.fx.testing.SessionWindows.await;
import static dev.flamingo.fx.testing.SessionWindows.centre;
import static dev.flamingo.fx.testing.SessionWindows.fx;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.flamingo.fx.SessionWindow;
import dev.flamingo.fx.testing.SessionWindows;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Two animation windows on a real reflector: the shapes move, and a click adds a shape in both. */
class AnimationIT {
  @RegisterExtension
  final SessionWindows windows = new SessionWindows();

  @Test
  void shapesMoveAndAClickAddsOneEverywhere() throws Exception {
    SessionWindow a = windows.open((stage, reflector, session) -> Animation.open(stage, reflector, session, "secret"));
    SessionWindow b = windows.open((stage, reflector, session) -> Animation.open(stage, reflector, session, "secret"));
    await(() -> shapes(a) == 5 && shapes(b) == 5);
    double before = firstShapeX(b);
    await(() -> firstShapeX(b) != before);
    new FxRobot().clickOn(centre(a, "#box"));
    await(() -> shapes(a) == 6 && shapes(b) == 6);
    assertNotEquals(before, firstShapeX(b));
  }

  private static int shapes(SessionWindow window) throws Exception {
    return fx(() -> ((Pane) window.stage().getScene().lookup("#box")).getChildren().size());
  }

  private static double firstShapeX(SessionWindow window) throws Exception {
    return fx(() -> ((Pane) window.stage().getScene().lookup("#box")).getChildren().get(0).getLayoutX());
  }
}
