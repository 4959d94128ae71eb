package dev.flamingo.samples.hello;

import dev.flamingo.reflector.ReflectorServer;
import java.net.URI;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Runs hello: {@code HelloApp [ws://host:port/reflector [session [password]]]}. Without a reflector it starts
 * one in this process and opens two windows side by side, so the sharing is visible at once. Thread rule:
 * JavaFX calls it on the FX Application Thread.
 */
public final class HelloApp extends Application {
  private ReflectorServer local;

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getRaw();
    String session = args.size() > 1 ? args.get(1) : "hello";
    String password = args.size() > 2 ? args.get(2) : "hello";
    URI reflector;
    if (args.isEmpty()) {
      local = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
      reflector = local.websocketUri();
      Stage second = new Stage();
      second.setX(660);
      Hello.open(second, reflector, session, password);
    } else {
      reflector = URI.create(args.get(0));
    }
    Hello.open(stage, reflector, session, password);
  }

  @Override
  public void stop() {
    if (local != null) {
      local.close();
    }
  }
}
