package dev.flamingo.samples.common;

import dev.flamingo.reflector.ReflectorServer;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Runs a sample: {@code [ws://host:port/reflector [session [password]]]}. Without a reflector it starts one in
 * this process and opens two windows side by side, so the sharing is visible at once. Thread rule:
 * {@link #launch} on the main thread; JavaFX calls the rest on the FX Application Thread.
 */
public final class SampleApplication extends Application {
  // Handed over by launch(), which cannot reach the instance JavaFX creates.
  private static volatile Sample sample;

  private ReflectorServer local;

  /** Opens one window of a sample joined to {@code session} on {@code reflector} (FX Application Thread). */
  @FunctionalInterface
  public interface Opener {
    /** Opens the window in {@code stage}. */
    void open(Stage stage, URI reflector, String session, String password);
  }

  private record Sample(String defaultSession, double secondWindowX, Opener opener) {}

  /**
   * Starts JavaFX and opens the sample with {@code opener}; session and password default to
   * {@code defaultSession}, and the second window of a local run is placed at {@code secondWindowX}.
   */
  public static void launch(String defaultSession, double secondWindowX, Opener opener, String[] args) {
    sample = new Sample(Objects.requireNonNull(defaultSession, "defaultSession"), secondWindowX,
        Objects.requireNonNull(opener, "opener"));
    Application.launch(SampleApplication.class, args);
  }

  @Override
  public void start(Stage stage) {
    Sample running = Objects.requireNonNull(sample, "start a sample with SampleApplication.launch");
    List<String> args = getParameters().getRaw();
    String session = args.size() > 1 ? args.get(1) : running.defaultSession();
    String password = args.size() > 2 ? args.get(2) : running.defaultSession();
    URI reflector;
    if (args.isEmpty()) {
      local = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
      reflector = local.websocketUri();
      Stage second = new Stage();
      second.setX(running.secondWindowX());
      running.opener().open(second, reflector, session, password);
    } else {
      reflector = URI.create(args.get(0));
    }
    running.opener().open(stage, reflector, session, password);
  }

  @Override
  public void stop() {
    if (local != null) {
      local.close();
    }
  }
}
