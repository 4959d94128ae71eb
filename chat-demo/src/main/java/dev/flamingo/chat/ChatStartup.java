package dev.flamingo.chat;

import dev.flamingo.fx.PendingJoin;
import java.util.concurrent.CompletableFuture;

/**
 * The slow part of starting the chat, begun before JavaFX so the two overlap on the machine's cores: read the
 * local profile, find or start the embedded reflector (unless told where to join), build the registry, and
 * start joining (connect, derive the key, catch up), so the session is often ready when the window is. Thread
 * rule: any thread.
 *
 * @param config where and as whom to join
 * @param embedded the machine's embedded reflector, or null when joining elsewhere
 * @param join the join under way
 */
record ChatStartup(ChatWindow.Config config, EmbeddedReflector embedded, PendingJoin join) {

  /** Starts preparing on a daemon thread. */
  static CompletableFuture<ChatStartup> begin(ChatOptions options) {
    CompletableFuture<ChatStartup> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(prepare(options));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }, "chat-start");
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  private static ChatStartup prepare(ChatOptions options) {
    LocalProfile profile = LocalProfile.load(options.dataDir());
    StartupTrace.mark("profile loaded");
    EmbeddedReflector embedded = options.reflector() == null
        ? EmbeddedReflector.findOrStart(options.dataDir(), EmbeddedReflector.PORT) : null;
    StartupTrace.mark("reflector found or started");
    ChatWindow.Config config = new ChatWindow.Config(
        embedded == null ? options.reflector() : embedded.websocketUri(),
        options.session() != null ? options.session() : profile.session(),
        options.password() != null ? options.password() : profile.password(),
        profile.user());
    PendingJoin join = ChatWindow.join(config);
    StartupTrace.mark("joining");
    return new ChatStartup(config, embedded, join);
  }
}
