package dev.flamingo.chat;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.client.SessionFailedException;
import dev.flamingo.client.Step;
import dev.flamingo.fx.AutoSleep;
import dev.flamingo.fx.FxBridge;
import dev.flamingo.fx.FxSessionHost;
import dev.flamingo.fx.JoinLink;
import dev.flamingo.fx.widgets.SessionFrame;
import dev.flamingo.fx.widgets.SessionStatus;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One chat window: joins the session in manual stepping, steps it from the window's pulses, frames the chat
 * with the session widgets, sleeps when minimized or hidden for 10 s and joins again when shown. Thread rule:
 * FX Application Thread only.
 */
public final class ChatWindow {
  private static final System.Logger LOG = System.getLogger(ChatWindow.class.getName());
  private static final double AUTO_SLEEP_SECONDS = 10;

  private final Stage stage;
  private final Config config;
  private final SessionStatus status = new SessionStatus();
  private final SessionFrame frame = new SessionFrame(status);
  private final FxSessionHost host = FxSessionHost.start();
  private final AutoSleep autoSleep;
  private volatile Session session;
  private CompletableFuture<Session> joined;

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

  private ChatWindow(Stage stage, Config config) {
    this.stage = stage;
    this.config = config;
    host.addPulseListener(this::pulse);
    host.addPulseListener(frame::refresh);
    frame.setJoinLink(new JoinLink(config.reflector(), config.session(), config.password()));
    stage.setScene(new Scene(frame, 520, 600));
    stage.setTitle("Flamingo Chat: " + config.session());
    stage.setOnHidden(e -> close());
    autoSleep = AutoSleep.install(stage, AUTO_SLEEP_SECONDS, this::leave, this::join);
  }

  /** Opens the chat in {@code stage} and starts joining. */
  public static ChatWindow open(Stage stage, Config config) {
    ChatWindow window = new ChatWindow(stage, config);
    window.join();
    stage.show();
    return window;
  }

  /** Completes once joined (the chat is shown), or fails with the reason. */
  public CompletableFuture<Session> joined() {
    return joined;
  }

  /** The stage. */
  public Stage stage() {
    return stage;
  }

  /** The session widgets around the chat. */
  public SessionFrame frame() {
    return frame;
  }

  /** The pulse driver, e.g. for counting pulses. */
  public FxSessionHost host() {
    return host;
  }

  /** Leaves the session and stops the pulses; the caller closes the stage. */
  public CompletableFuture<Void> close() {
    autoSleep.close();
    CompletableFuture<Void> left = leave();
    host.stop();
    return left;
  }

  private void join() {
    SessionThread sessionThread = new SessionThread();
    FxBridge bridge = FxBridge.create(sessionThread);
    host.attach(bridge);
    JoinParameters parameters = JoinParameters.builder()
        .appId(Chat.APP_ID).name(config.session()).password(config.password())
        .registry(Chat.registry()).model(ChatModel.class)
        .view((model, options) -> {
          ChatView view = new ChatView((ChatModel) model, bridge, status);
          bridge.toFx(() -> frame.setContent(view.node()));
          return view;
        })
        .viewData(Map.of("user", config.user()))
        .step(Step.MANUAL)
        .reflector(config.reflector())
        .progress(status::reportProgress)
        .problems(problem -> LOG.log(System.Logger.Level.WARNING, problem.describe()))
        .build();
    joined = Session.join(parameters);
    joined.whenComplete((joinedSession, failure) -> {
      if (failure != null) {
        SessionStatus.Fatal fatal = describe(failure);
        status.reportFatal(fatal.title(), fatal.detail());
        return;
      }
      session = joinedSession;
      sessionThread.open(joinedSession);
      bridge.toFx(() -> host.drive(joinedSession::step));
    });
  }

  private CompletableFuture<Void> leave() {
    Session current = session;
    session = null;
    host.drive(null);
    return current == null ? CompletableFuture.completedFuture(null) : current.leave();
  }

  private void pulse() {
    Session current = session;
    if (current != null) {
      status.reportSynced(current.isSynced());
    }
  }

  /** A headline and an explanation for a failed join. */
  static SessionStatus.Fatal describe(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof SessionFailedException failed) {
      String message = failed.getMessage();
      if (message.startsWith("wrong password")) {
        return new SessionStatus.Fatal("Wrong password", "The password does not open this chat. " + message);
      }
      if (failed.closeCode() == 4100) {
        return new SessionStatus.Fatal("Code version changed", "The reflector no longer accepts this version: " + message);
      }
      return new SessionStatus.Fatal("Cannot join the chat", message + " (close code " + failed.closeCode() + ")");
    }
    return new SessionStatus.Fatal("Cannot join the chat", String.valueOf(cause));
  }
}
