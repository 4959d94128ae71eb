package dev.flamingo.chat;

import java.util.List;
import javafx.application.Application;

/**
 * The jar's main class: {@code java -jar chat-demo.jar [options]}. A plain class, not an
 * {@link Application}, so the JavaFX runtime loads from the class path of the fat jar. Thread rule: main
 * thread.
 */
public final class Launcher {
  private Launcher() {}

  /** Checks the arguments, begins the start-up work, then starts JavaFX with {@link ChatApplication}. */
  public static void main(String[] args) {
    ChatOptions options = null;
    try {
      options = ChatOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
    ChatApplication.beginStartup(options);
    Application.launch(ChatApplication.class, args);
  }
}
