package dev.flamingo.chat;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.fx.JoinLink;
import dev.flamingo.fx.PendingJoin;
import dev.flamingo.fx.SessionWindow;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import javafx.stage.Stage;

/**
 * Opens a chat window: the chat's join parameters, its view, a copyable join link, and autoSleep after 10 s
 * minimized. Thread rule: FX Application Thread only, except
 * {@link #join}.
 */
public final class ChatWindow {
  private static final System.Logger LOG = System.getLogger(ChatWindow.class.getName());
  private static final double AUTO_SLEEP_SECONDS = 10;

  /**
   * Where and as whom to join.
   *
   * @param reflector the reflector's WebSocket URL
   * @param session the session name
   * @param password the session password
   * @param user this person's stable id, recorded with their posts
   */
  public record Config(URI reflector, String session, String password, String user) {
    /** Validates. */
    public Config {
      Objects.requireNonNull(reflector, "reflector");
      Objects.requireNonNull(session, "session");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(user, "user");
    }
  }

  private ChatWindow() {}

  /** Opens the chat in {@code stage} and starts joining. */
  public static SessionWindow open(Stage stage, Config config) {
    return open(stage, join(config), config);
  }

  /** Starts joining the chat before its window exists; any thread. */
  public static PendingJoin join(Config config) {
    JoinParameters.Builder parameters = JoinParameters.builder()
        .appId(Chat.APP_ID).name(config.session()).password(config.password())
        .registry(Chat.registry()).model(ChatModel.class)
        .viewData(Map.of("user", config.user()))
        .reflector(config.reflector())
        .problems(problem -> LOG.log(System.Logger.Level.WARNING, problem.describe()));
    return PendingJoin.begin(parameters, (model, status) -> new ChatView((ChatModel) model, status));
  }

  /** Opens the chat in {@code stage} with a join begun by {@link #join(Config)} for the same {@code config}. */
  public static SessionWindow open(Stage stage, PendingJoin join, Config config) {
    stage.setTitle("Flamingo Chat: " + config.session());
    SessionWindow window = SessionWindow.open(stage, join);
    window.frame().setJoinLink(new JoinLink(config.reflector(), config.session(), config.password()));
    return window.autoSleep(AUTO_SLEEP_SECONDS);
  }
}
