package dev.flamingo.samples.whiteboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.View;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The board's rules through the public API, on an offline session (the client's in-process reflector): strokes
 * from several views at once, undo takes only the undoer's latest stroke, clear empties the board.
 */
class BoardTest {
  private static final Registry REGISTRY = Registry.builder()
      .register("whiteboard.Board", Board.class)
      .register("whiteboard.Stroke", Stroke.class)
      .register("whiteboard.Dot", Dot.class)
      .build();

  private Session session;

  /** A headless view that publishes board events on request. */
  static final class Driver extends View {
    Driver(Model model) {
      super(model);
    }

    void send(String event, Object data) {
      publish("board", event, data);
    }
  }

  @BeforeEach
  void join() throws Exception {
    session = Session.join(JoinParameters.builder().appId("dev.flamingo.samples.whiteboard").name("board-test")
        .password("pw").registry(REGISTRY).model(Board.class).view((model, options) -> new Driver(model))
        .debug("offline").build()).get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void leave() throws Exception {
    session.leave().get(10, TimeUnit.SECONDS);
  }

  @Test
  void interleavedStrokesStayApartAndUndoTakesOnlyTheUndoersLatest() throws Exception {
    send("start", new Dot("ann", "#000", 0, 0));
    send("start", new Dot("bob", "#f00", 50, 50));
    send("extend", new Dot("ann", "#000", 10, 10));
    send("extend", new Dot("bob", "#f00", 60, 60));
    send("end", "ann");
    send("start", new Dot("ann", "#000", 100, 100));
    send("end", "ann");
    send("end", "bob");
    await(() -> strokes().size() == 3);
    assertEquals(List.of(List.of(0.0, 0.0, 10.0, 10.0), List.of(50.0, 50.0, 60.0, 60.0), List.of(100.0, 100.0)),
        read(() -> strokes().stream().map(Stroke::points).toList()));
    send("undo", "ann");
    await(() -> strokes().size() == 2);
    assertEquals(List.of("ann", "bob"), read(() -> strokes().stream().map(Stroke::viewId).toList()));
  }

  @Test
  void clearEmptiesTheBoardAndStopsStrokesInProgress() throws Exception {
    send("start", new Dot("ann", "#000", 0, 0));
    send("clear", null);
    send("extend", new Dot("ann", "#000", 5, 5));
    send("cursor", new Dot("ann", "#000", 5, 5));
    await(() -> board().cursors().size() == 1);
    assertEquals(List.of(), read(this::strokes));
  }

  private void send(String event, Object data) throws Exception {
    session.submit(() -> {
      ((Driver) session.view()).send(event, data);
      return null;
    }).get(10, TimeUnit.SECONDS);
  }

  private Board board() {
    return (Board) session.model();
  }

  private List<Stroke> strokes() {
    return List.copyOf(board().strokes());
  }

  private <T> T read(Callable<T> query) throws Exception {
    return session.submit(query).get(10, TimeUnit.SECONDS);
  }

  /** A condition read on the session thread. */
  private interface Check {
    boolean test() throws Exception;
  }

  private void await(Check condition) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> read(condition::test));
  }
}
