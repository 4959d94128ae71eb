package dev.flamingo.fx;

import static dev.flamingo.fx.testing.SessionWindows.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.core.Registry;
import dev.flamingo.fx.testing.SessionWindows;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A join begun on another thread before its window exists (as the chat starts) shows in the window opened later. */
class PendingJoinIT {
  private static final Registry REGISTRY = Registry.builder().register("fxtest.Busy", BusyModel.class).build();

  @RegisterExtension
  final SessionWindows windows = new SessionWindows();

  @Test
  void aJoinCompletedBeforeItsWindowOpensBuildsTheViewInTheWindow() throws Exception {
    PendingJoin join = PendingJoin.begin(JoinParameters.builder().appId("dev.flamingo.fxtest").name(windows.session())
        .password("pw").registry(REGISTRY).model(BusyModel.class).reflector(windows.reflector()),
        (model, status) -> new BusyView((BusyModel) model));
    Session joined = join.session().get(60, TimeUnit.SECONDS);
    assertNull(joined.view(), "no view before a window steps the session");
    SessionWindow window = windows.open((stage, reflector, session) -> SessionWindow.open(stage, join));
    assertEquals("0", text(window, "#done"));
  }
}
