package dev.flamingo.samples.animation;

import dev.flamingo.samples.common.SampleApplication;
import java.net.URI;
import javafx.stage.Stage;

/** Runs the animation sample (see {@link SampleApplication}). Thread rule: FX Application Thread. */
public final class AnimationApp extends SampleApplication {
  /** Created by JavaFX's launcher. */
  public AnimationApp() {
    super("animation", 660);
  }

  @Override
  protected void open(Stage stage, URI reflector, String session, String password) {
    Animation.open(stage, reflector, session, password);
  }
}
