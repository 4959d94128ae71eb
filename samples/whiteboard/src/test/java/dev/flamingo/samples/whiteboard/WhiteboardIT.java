package dev.flamingo.samples.whiteboard;

import static dev.flamingo.fx.testing.SessionWindows.await;
import static dev.flamingo.fx.testing.SessionWindows.centre;
import static dev.flamingo.fx.testing.SessionWindows.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flamingo.fx.SessionWindow;
import dev.flamingo.fx.testing.SessionWindows;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Polyline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Whiteboard windows on a real reflector: strokes and cursors cross over, undo is per user, late joiners see all. */
class WhiteboardIT {
  @RegisterExtension
  final SessionWindows windows = new SessionWindows();
  private final FxRobot robot = new FxRobot();

  @Test
  void twoUsersSeeEachOthersStrokesAndCursorsUndoTheirOwnAndALateJoinerSeesTheDrawing() throws Exception {
    SessionWindow ann = open();
    SessionWindow bob = open();
    draw(ann, -150);
    await(() -> strokes(ann).size() == 1 && strokes(bob).size() == 1);
    robot.clickOn(centre(bob, "#colour-1"));
    draw(bob, 0);
    await(() -> strokes(ann).size() == 2 && strokes(bob).size() == 2);
    assertEquals(List.of("0x1a202cff", "0xe53e3eff"), colours(ann), "each stroke in its author's colour");
    assertEquals(points(bob), points(ann));
    robot.moveTo(centre(ann, "#board")).moveBy(5, 5).moveBy(5, 5);
    await(() -> cursors(bob) == 1);
    robot.clickOn(centre(ann, "#undo"));
    await(() -> colours(ann).equals(List.of("0xe53e3eff")) && colours(bob).equals(List.of("0xe53e3eff")));
    SessionWindow late = open();
    await(() -> points(late).equals(points(bob)) && !points(late).isEmpty());
  }

  @Test
  void clearEmptiesEveryBoard() throws Exception {
    SessionWindow ann = open();
    SessionWindow bob = open();
    draw(ann, -100);
    draw(bob, 0);
    await(() -> strokes(ann).size() == 2 && strokes(bob).size() == 2);
    robot.clickOn(centre(bob, "#clear"));
    await(() -> strokes(ann).isEmpty() && strokes(bob).isEmpty());
  }

  /** Drags a short zigzag on the window's board, starting {@code dx} from its centre. */
  private void draw(SessionWindow window, double dx) throws Exception {
    fx(() -> {
      window.stage().toFront();
      return null;
    });
    robot.moveTo(centre(window, "#board")).moveBy(dx, -60)
        .press(MouseButton.PRIMARY).moveBy(30, 20).moveBy(30, -20).moveBy(30, 20).release(MouseButton.PRIMARY);
  }

  private SessionWindow open() throws Exception {
    return windows.open((stage, reflector, session) -> Whiteboard.open(stage, reflector, session, "secret"));
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
}
