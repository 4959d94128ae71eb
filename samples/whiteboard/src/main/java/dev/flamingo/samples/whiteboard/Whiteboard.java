package dev.flamingo.samples.whiteboard;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.core.Registry;
import dev.flamingo.fx.SessionWindow;
import dev.flamingo.samples.common.SampleApplication;
import java.net.URI;
import javafx.stage.Stage;

/**
 * The whiteboard app: its registry, how to open a window, and {@code main} (a plain class, so JavaFX loads
 * from the class path). Thread rule: FX Application Thread, except {@link #main}.
 */
public final class Whiteboard {
  private static final class Holder {
    static final Registry REGISTRY = Registry.builder()
        .register("whiteboard.Board", Board.class)
        .register("whiteboard.Stroke", Stroke.class)
        .register("whiteboard.Dot", Dot.class)
        .build();
  }

  private Whiteboard() {}

  /** Runs the sample: {@code [ws://host:port/reflector [session [password]]]} (see {@link SampleApplication}). */
  public static void main(String[] args) {
    SampleApplication.launch("whiteboard", 820, Whiteboard::open, args);
  }

  /** Opens a window on the board of {@code session} at {@code reflector}. */
  public static SessionWindow open(Stage stage, URI reflector, String session, String password) {
    stage.setTitle("Flamingo Whiteboard: " + session);
    SessionWindow window = SessionWindow.open(stage, JoinParameters.builder().appId("dev.flamingo.samples.whiteboard")
        .name(session).password(password).registry(Holder.REGISTRY).model(Board.class).reflector(reflector),
        (model, status) -> new BoardView((Board) model));
    stage.setWidth(BoardView.WIDTH + 40);
    stage.setHeight(BoardView.HEIGHT + 140);
    return window;
  }
}
