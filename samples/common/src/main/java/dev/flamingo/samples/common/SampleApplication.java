package dev.flamingo.samples.common;

import dev.flamingo.reflector.ReflectorServer;
import java.net.URI;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Runs a sample: {@code [ws://host:port/reflector [session [password]]]}. Without a reflector it starts one in
 * this process and opens two windows side by side, so the sharing is visible at once. Thread rule: JavaFX
 * calls it on the FX Application Thread.
 */
public abstract class SampleApplication extends Application {
  private final String defaultSession;
  private final double secondWindowX;
  private ReflectorServer local;

  /** A sample whose session and password default to {@code defaultSession}. */
  protected SampleApplication(String defaultSession, double secondWindowX) {
    this.defaultSession = defaultSession;
    this.secondWindowX = secondWindowX;
  }

  /** Opens one window of the sample joined to {@code session} on {@code reflector}. */
  protected abstract void open(Stage stage, URI reflector, String session, String password);

  @Override
  public final void start(Stage stage) {
    List<String> args = getParameters().getRaw();
    String session = args.size() > 1 ? args.get(1) : defaultSession;
    String password = args.size() > 2 ? args.get(2) : defaultSession;
    URI reflector;
    if (args.isEmpty()) {
      local = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
      reflector = local.websocketUri();
      Stage second = new Stage();
      second.setX(secondWindowX);
      open(second, reflector, session, password);
    } else {
      reflector = URI.create(args.get(0));
    }
    open(stage, reflector, session, password);
  }

  @Override
  public final void stop() {
    if (local != null) {
      local.close();
    }
  }
}
