package dev.flamingo.samples.whiteboard;

import dev.flamingo.samples.common.SampleApplication;
import java.net.URI;
import javafx.stage.Stage;

/** Runs the whiteboard sample (see {@link SampleApplication}). Thread rule: FX Application Thread. */
public final class WhiteboardApp extends SampleApplication {
  /** Created by JavaFX's launcher. */
  public WhiteboardApp() {
    super("whiteboard", 820);
  }

  @Override
  protected void open(Stage stage, URI reflector, String session, String password) {
    Whiteboard.open(stage, reflector, session, password);
  }
}
