package dev.flamingo.chat;

import dev.flamingo.client.Session;
import dev.flamingo.fx.SessionWindow;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The chat as a JavaFX application: opens its window on the join {@link ChatStartup} began (started by
 * {@link Launcher} before JavaFX, so the two overlap). Thread rule: JavaFX calls it on the FX Application
 * Thread.
 */
public final class ChatApplication extends Application {
  private static final System.Logger LOG = System.getLogger(ChatApplication.class.getName());
  // Handed over by Launcher, which cannot reach the instance JavaFX creates.
  private static volatile CompletableFuture<ChatStartup> startup;

  // Read by the shutdown hook's thread too.
  private final List<SessionWindow> windows = new CopyOnWriteArrayList<>();
  private volatile EmbeddedReflector embedded;

  /** Called by {@link Launcher} before {@code launch}, so start-up work overlaps JavaFX's. */
  static void beginStartup(ChatOptions options) {
    startup = ChatStartup.begin(options);
  }

  @Override
  public void start(Stage stage) {
    if (startup == null) {
      beginStartup(ChatOptions.parse(getParameters().getRaw()));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::leaveOnTermination, "flamingo-chat-termination"));
    StartupTrace.mark("FX start");
    stage.setOnCloseRequest(e -> closeAll());
    try {
      // Waiting here (for the reflector, rarely more than a few hundred ms) shows the chat's own scene first,
      // not a placeholder that costs its own layout and CSS pass.
      open(stage, startup.join());
    } catch (CompletionException failure) {
      LOG.log(System.Logger.Level.ERROR, "cannot start the chat", failure.getCause());
      stage.setTitle("Flamingo Chat");
      stage.setScene(new Scene(new StackPane(new Label("Cannot start the chat: " + failure.getCause().getMessage())), 520, 600));
      stage.show();
    }
  }

  private void open(Stage stage, ChatStartup ready) {
    embedded = ready.embedded();
    // The hosting copy outlives its window while others still use its reflector.
    Platform.setImplicitExit(embedded == null || !embedded.isHosted());
    StartupTrace.mark("opening the session window");
    SessionWindow window = ChatWindow.open(stage, ready.join(), ready.config());
    StartupTrace.mark("session window open");
    windows.add(window);
    window.joined().thenRun(ChatApplication::logReady);
  }

  private void closeAll() {
    windows.forEach(window -> window.close().orTimeout(2, TimeUnit.SECONDS));
    EmbeddedReflector hosted = embedded;
    if (hosted != null && hosted.isHosted()) {
      hosted.closeWhenIdle(Platform::exit);
    }
  }

  /**
   * Killed (SIGTERM, Ctrl-C) rather than closed: leaves as a closed window does before the embedded reflector
   * stops, so it records these views as gone; otherwise it keeps them as ghosts awaiting a reconnect, and the
   * next start shows extra people until their grace period ends. After a normal close this finds nothing to do.
   */
  private void leaveOnTermination() {
    CompletableFuture<?>[] left = windows.stream().map(SessionWindow::session).filter(Objects::nonNull)
        .map(Session::leave).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(left).get(1500, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "leaving at exit did not finish: " + e);
    }
    EmbeddedReflector hosted = embedded;
    if (hosted != null) {
      hosted.close();
    }
  }

  /**
   * Logs how long the chat took from its JVM's start to a joined, usable window (the launch figure), off the
   * FX thread, which is about to render that window.
   */
  private static void logReady() {
    StartupTrace.mark("joined, view built");
    long ready = System.nanoTime();
    // JVM uptime, not the process's start instant: Linux reports that from a boot time in whole seconds.
    CompletableFuture.runAsync(() -> LOG.log(System.Logger.Level.INFO, "chat ready "
        + (ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - ready) / 1_000_000)
        + " ms after this JVM started"));
  }
}
