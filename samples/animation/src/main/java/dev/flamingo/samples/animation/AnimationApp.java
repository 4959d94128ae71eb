package dev.flamingo.samples.animation;

import dev.flamingo.reflector.ReflectorServer;
import java.net.URI;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Runs the animation: {@code AnimationApp [ws://host:port/reflector [session [password]]]}. Without a reflector it starts
 * one in this process and opens two windows side by side, so the sharing is visible at once. Thread rule:
 * JavaFX calls it on the FX Application Thread.
 */
public final class AnimationApp extends Application {
  private ReflectorServer local;

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getRaw();
    String session = args.size() > 1 ? args.get(1) : "animation";
    String password = args.size() > 2 ? args.get(2) : "animation";
    URI reflector;
    if (args.isEmpty()) {
      local = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
      reflector = local.websocketUri();
      Stage second = new Stage();
      second.setX(660);
      Animation.open(second, reflector, session, password);
    } else {
      reflector = URI.create(args.get(0));
    }
    Animation.open(stage, reflector, session, password);
  }

  @Override
  public void stop() {
    if (local != null) {
      local.close();
    }
  }
}
