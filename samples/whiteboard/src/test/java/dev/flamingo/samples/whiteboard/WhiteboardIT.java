package dev.flamingo.samples.whiteboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flamingo.fx.SessionWindow;
import dev.flamingo.reflector.ReflectorServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Whiteboard windows on a real reflector: strokes and cursors cross over, undo is per user, late joiners see all. */
class WhiteboardIT {
  private final ReflectorServer reflector = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
  private final List<SessionWindow> windows = new ArrayList<>();
  private final FxRobot robot = new FxRobot();

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
  void twoUsersSeeEachOthersStrokesAndCursorsUndoTheirOwnAndALateJoinerSeesTheDrawing() throws Exception {
    SessionWindow ann = open(0);
    SessionWindow bob = open(640);
    draw(ann, -150);
    await(() -> strokes(ann).size() == 1 && strokes(bob).size() == 1);
    robot.clickOn(fx(() -> bob.stage().getScene().lookup("#colour-1")));
    draw(bob, 0);
    await(() -> strokes(ann).size() == 2 && strokes(bob).size() == 2);
    assertEquals(List.of("0x1a202cff", "0xe53e3eff"), colours(ann), "each stroke in its author's colour");
    assertEquals(points(bob), points(ann));
    robot.moveTo(fx(() -> ann.stage().getScene().lookup("#board"))).moveBy(5, 5).moveBy(5, 5);
    await(() -> cursors(bob) == 1);
    robot.clickOn(fx(() -> ann.stage().getScene().lookup("#undo")));
    await(() -> colours(ann).equals(List.of("0xe53e3eff")) && colours(bob).equals(List.of("0xe53e3eff")));
    SessionWindow late = open(320);
    await(() -> points(late).equals(points(bob)) && !points(late).isEmpty());
  }

  @Test
  void clearEmptiesEveryBoard() throws Exception {
    SessionWindow ann = open(0);
    SessionWindow bob = open(640);
    draw(ann, -100);
    draw(bob, 0);
    await(() -> strokes(ann).size() == 2 && strokes(bob).size() == 2);
    robot.clickOn(fx(() -> bob.stage().getScene().lookup("#clear")));
    await(() -> strokes(ann).isEmpty() && strokes(bob).isEmpty());
  }

  /** Drags a short zigzag on the window's board, starting {@code dx} from its centre. */
  private void draw(SessionWindow window, double dx) throws Exception {
    fx(() -> {
      window.stage().toFront();
      return null;
    });
    robot.moveTo(fx(() -> window.stage().getScene().lookup("#board"))).moveBy(dx, -60)
        .press(MouseButton.PRIMARY).moveBy(30, 20).moveBy(30, -20).moveBy(30, 20).release(MouseButton.PRIMARY);
  }

  private SessionWindow open(int x) throws Exception {
    SessionWindow window = fx(() -> {
      Stage stage = new Stage();
      SessionWindow w = Whiteboard.open(stage, reflector.websocketUri(), "board-it", "secret");
      stage.setX(x);
      stage.setY(0);
      stage.setWidth(630);
      return w;
    });
    windows.add(window);
    window.joined().get(30, TimeUnit.SECONDS);
    return window;
  }

  private static List<Polyline> strokes(SessionWindow window) throws Exception {
    return fx(() -> {
      Group group = (Group) window.stage().getScene().lookup("#strokes");
      List<Polyline> lines = new ArrayList<>();
      if (group != null) {
        group.getChildren().forEach(n -> lines.add((Polyline) n));
      }
      return lines;
    });
  }

  private static List<String> colours(SessionWindow window) throws Exception {
    return fx(() -> strokes(window).stream().map(l -> l.getStroke().toString()).toList());
  }

  private static List<List<Double>> points(SessionWindow window) throws Exception {
    return fx(() -> strokes(window).stream().map(l -> List.copyOf(l.getPoints())).toList());
  }

  private static int cursors(SessionWindow window) throws Exception {
    return fx(() -> {
      Node group = window.stage().getScene().lookup("#cursors");
      return group == null ? -1 : ((Group) group).getChildren().size();
    });
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }

  /** A condition over the windows. */
  private interface Check {
    boolean test() throws Exception;
  }

  private static void await(Check condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::test);
  }
}
