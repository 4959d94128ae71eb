package dev.flamingo.chat;

import dev.flamingo.fx.SessionWindow;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The chat as a JavaFX application: resolves where to join (the embedded reflector unless told otherwise)
 * and opens one window. Thread rule: JavaFX calls it on the FX Application Thread.
 */
public final class ChatApplication extends Application {
  private final List<SessionWindow> windows = new ArrayList<>();
  private EmbeddedReflector embedded;

  @Override
  public void start(Stage stage) {
    ChatOptions options = ChatOptions.parse(getParameters().getRaw());
    LocalProfile profile = LocalProfile.load(options.dataDir());
    if (options.reflector() == null) {
      embedded = EmbeddedReflector.findOrStart(options.dataDir(), EmbeddedReflector.PORT);
      // The hosting copy outlives its window while others still use its reflector.
      Platform.setImplicitExit(!embedded.isHosted());
    }
    ChatWindow.Config config = new ChatWindow.Config(
        options.reflector() != null ? options.reflector() : embedded.websocketUri(),
        options.session() != null ? options.session() : profile.session(),
        options.password() != null ? options.password() : profile.password(),
        profile.user());
    windows.add(ChatWindow.open(stage, config));
    stage.setOnCloseRequest(e -> closeAll());
  }

  private void closeAll() {
    windows.forEach(window -> window.close().orTimeout(2, java.util.concurrent.TimeUnit.SECONDS));
    if (embedded != null && embedded.isHosted()) {
      embedded.closeWhenIdle(Platform::exit);
    }
  }
}
