package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.core.Registry;
import dev.flamingo.reflector.ReflectorServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** With the real client and reflector: a fatal close after the window is up shows the fatal error pane. */
class SessionEndedIT {
  private static final Registry REGISTRY = Registry.builder().register("fxtest.Counter", CounterModel.class).build();

  @TempDir
  Path dataDir;
  private ReflectorServer reflector;
  private SessionWindow window;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws Exception {
    fx(() -> {
      window.close();
      window.stage().close();
      return null;
    });
    reflector.close();
  }

  @Test
  void fatalCloseAfterTheJoinCoversTheAppWithTheReason() throws Exception {
    reflector = ReflectorServer.builder().host("127.0.0.1").port(0).dataDir(dataDir).build().start();
    int port = reflector.port();
    window = fx(() -> SessionWindow.open(new Stage(), JoinParameters.builder().appId("dev.flamingo.fxtest")
        .name("ended").password("pw").registry(REGISTRY).model(CounterModel.class)
        .reflector(reflector.websocketUri()).rejoinLimit(200),
        (m, status) -> new CounterView((CounterModel) m)));
    window.joined().get(30, TimeUnit.SECONDS);
    assertEquals("", fx(() -> window.frame().fatalPane().titleText()));
    reflector.close();
    // Back on the same port, but refusing this client's (empty) apiKey: the rejoin is closed with 4103.
    reflector = ReflectorServer.builder().host("127.0.0.1").port(port).dataDir(dataDir)
        .apiKeys(List.of("another-key")).build().start();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !fx(() -> window.frame().fatalPane().titleText()).isEmpty());
    assertEquals("Session ended", fx(() -> window.frame().fatalPane().titleText()));
    String detail = fx(() -> window.frame().fatalPane().detailText());
    assertTrue(detail.contains("4103 bad apiKey"), detail);
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }
}
