package dev.flamingo.chat;

import java.util.List;
import java.util.OptionalInt;
import javafx.application.Application;

/**
 * The jar's main class: {@code java -jar chat-demo.jar [options]}. A plain class, not an
 * {@link Application}, so the JavaFX runtime loads from the class path of the fat jar. Thread rule: main
 * thread.
 */
public final class Launcher {
  private Launcher() {}

  /**
   * Checks the arguments, runs the chat in a start-up-tuned JVM if it can ({@link FastLaunch}), else begins the
   * start-up work and starts JavaFX with {@link ChatApplication}.
   */
  public static void main(String[] args) {
    StartupTrace.mark("main");
    ChatOptions options = null;
    try {
      options = ChatOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
    OptionalInt relaunched = FastLaunch.relaunch(args);
    if (relaunched.isPresent()) {
      System.exit(relaunched.getAsInt());
    }
    ChatApplication.beginStartup(options);
    Application.launch(ChatApplication.class, args);
  }
}
