package dev.flamingo.samples.hello;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.core.Registry;
import dev.flamingo.fx.SessionWindow;
import dev.flamingo.samples.common.SampleApplication;
import java.net.URI;
import javafx.stage.Stage;

/**
 * The hello app: its registry, how to open a window on a session, and {@code main} (a plain class, so JavaFX
 * loads from the class path). Thread rule: FX Application Thread, except {@link #main}.
 */
public final class Hello {
  private static final class Holder {
    static final Registry REGISTRY = Registry.builder().register("hello.HelloModel", HelloModel.class).build();
  }

  private Hello() {}

  /** Runs the sample: {@code [ws://host:port/reflector [session [password]]]} (see {@link SampleApplication}). */
  public static void main(String[] args) {
    SampleApplication.launch("hello", 660, Hello::open, args);
  }

  /** Opens a hello window joined to {@code session} on {@code reflector}. */
  public static SessionWindow open(Stage stage, URI reflector, String session, String password) {
    stage.setTitle("Flamingo Hello: " + session);
    return SessionWindow.open(stage, JoinParameters.builder().appId("dev.flamingo.samples.hello").name(session)
        .password(password).registry(Holder.REGISTRY).model(HelloModel.class).reflector(reflector),
        (model, status) -> new HelloView((HelloModel) model));
  }
}
