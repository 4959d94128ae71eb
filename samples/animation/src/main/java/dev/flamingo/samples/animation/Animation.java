package dev.flamingo.samples.animation;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.core.Registry;
import dev.flamingo.fx.SessionWindow;
import dev.flamingo.samples.common.SampleApplication;
import java.net.URI;
import javafx.stage.Stage;

/**
 * The animation app: its registry, how to open a window, and {@code main} (a plain class, so JavaFX loads
 * from the class path). Thread rule: FX Application Thread, except {@link #main}.
 */
public final class Animation {
  private static final class Holder {
    static final Registry REGISTRY = Registry.builder()
        .register("animation.Box", Box.class)
        .register("animation.Shape", Shape.class)
        .register("animation.Point", Point.class)
        .build();
  }

  private Animation() {}

  /** Runs the sample: {@code [ws://host:port/reflector [session [password]]]} (see {@link SampleApplication}). */
  public static void main(String[] args) {
    SampleApplication.launch("animation", 660, Animation::open, args);
  }

  /** Opens a window on the box of {@code session} at {@code reflector}. */
  public static SessionWindow open(Stage stage, URI reflector, String session, String password) {
    stage.setTitle("Flamingo Animation: " + session);
    return SessionWindow.open(stage, JoinParameters.builder().appId("dev.flamingo.samples.animation").name(session)
        .password(password).registry(Holder.REGISTRY).model(Box.class).reflector(reflector),
        (model, status) -> new BoxView((Box) model));
  }
}
