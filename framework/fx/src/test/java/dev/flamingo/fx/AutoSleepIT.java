package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.core.Registry;
import dev.flamingo.reflector.ReflectorServer;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With the real client and reflector: a window minimized past its autoSleep goes dormant (another replica sees
 * its view leave) and, shown again, wakes the same session, which joins again as the same view.
 */
class AutoSleepIT {
  private static final Registry REGISTRY = Registry.builder().register("fxtest.Counter", CounterModel.class).build();

  private final ReflectorServer reflector = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
  private SessionWindow window;
  private Session observer;

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
    observer.leave().get(10, TimeUnit.SECONDS);
    reflector.close();
  }

  @Test
  void minimizedWindowSleepsAndWakesAsTheSameView() throws Exception {
    observer = Session.join(parameters().build()).get(30, TimeUnit.SECONDS);
    window = fx(() -> SessionWindow.open(new Stage(), parameters().rejoinLimit(200),
        (m, status) -> new CounterView((CounterModel) m)).autoSleep(0.2));
    Session session = window.joined().get(30, TimeUnit.SECONDS);
    String viewId = session.viewId();
    fx(() -> {
      window.stage().setIconified(true);
      return null;
    });
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, session::isDormant);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> observed(m -> m.exits()) == 1);
    fx(() -> {
      window.stage().setIconified(false);
      return null;
    });
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !session.isDormant());
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> String.valueOf(observed(CounterModel::lastJoin)).contains(viewId)
        && observed(m -> m.exits()) == 1 && fx(() -> session.view() != null));
    assertEquals(viewId, window.session().viewId());
    assertTrue(window.session() == session, "the same session object, woken rather than joined anew");
  }

  private JoinParameters.Builder parameters() {
    return JoinParameters.builder().appId("dev.flamingo.fxtest").name("sleepy").password("pw").registry(REGISTRY)
        .model(CounterModel.class).reflector(reflector.websocketUri());
  }

  private <T> T observed(java.util.function.Function<CounterModel, T> read) throws Exception {
    return observer.submit(() -> read.apply((CounterModel) observer.model())).get(10, TimeUnit.SECONDS);
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }
}
