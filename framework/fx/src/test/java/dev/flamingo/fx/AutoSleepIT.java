package dev.flamingo.fx;

import static dev.flamingo.fx.testing.SessionWindows.await;
import static dev.flamingo.fx.testing.SessionWindows.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.core.Registry;
import dev.flamingo.fx.testing.SessionWindows;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the real client and reflector: a window minimized past its autoSleep goes dormant (another replica sees
 * its view leave) and, shown again, wakes the same session, which joins again as the same view.
 */
class AutoSleepIT {
  private static final Registry REGISTRY = Registry.builder().register("fxtest.Counter", CounterModel.class).build();

  @RegisterExtension
  final SessionWindows windows = new SessionWindows();
  private Session observer;

  @AfterEach
  void leaveObserver() throws Exception {
    observer.leave().get(10, TimeUnit.SECONDS);
  }

  @Test
  void minimizedWindowSleepsAndWakesAsTheSameView() throws Exception {
    observer = Session.join(parameters(windows.reflector(), windows.session()).build()).get(30, TimeUnit.SECONDS);
    SessionWindow window = windows.open((stage, reflector, session) -> SessionWindow.open(stage,
        parameters(reflector, session).rejoinLimit(200), (m, status) -> new CounterView((CounterModel) m))
        .autoSleep(0.2));
    Session session = window.session();
    String viewId = session.viewId();
    iconified(window, true);
    await(session::isDormant);
    await(() -> observed(CounterModel::exits) == 1);
    iconified(window, false);
    await(() -> !session.isDormant());
    await(() -> String.valueOf(observed(CounterModel::lastJoin)).contains(viewId)
        && observed(CounterModel::exits) == 1 && fx(() -> session.view() != null));
    assertEquals(viewId, window.session().viewId());
    assertTrue(window.session() == session, "the same session object, woken rather than joined anew");
  }

  private static JoinParameters.Builder parameters(URI reflector, String name) {
    return JoinParameters.builder().appId("dev.flamingo.fxtest").name(name).password("pw").registry(REGISTRY)
        .model(CounterModel.class).reflector(reflector);
  }

  private static void iconified(SessionWindow window, boolean iconified) throws Exception {
    fx(() -> {
      window.stage().setIconified(iconified);
      return null;
    });
  }

  private <T> T observed(Function<CounterModel, T> read) throws Exception {
    return observer.submit(() -> read.apply((CounterModel) observer.model())).get(10, TimeUnit.SECONDS);
  }
}
