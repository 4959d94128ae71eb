package dev.flamingo.samples.hello;

import dev.flamingo.samples.common.SampleApplication;
import java.net.URI;
import javafx.stage.Stage;

/** Runs the hello sample (see {@link SampleApplication}). Thread rule: FX Application Thread. */
public final class HelloApp extends SampleApplication {
  /** Created by JavaFX's launcher. */
  public HelloApp() {
    super("hello", 660);
  }

  @Override
  protected void open(Stage stage, URI reflector, String session, String password) {
    Hello.open(stage, reflector, session, password);
  }
}
