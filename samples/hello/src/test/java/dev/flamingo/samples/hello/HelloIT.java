package dev.flamingo.samples.hello;

import static dev.flamingo.fx.testing.SessionWindows.await;
import static dev.flamingo.fx.testing.SessionWindows.centre;
import static dev.flamingo.fx.testing.SessionWindows.text;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.fx.SessionWindow;
import dev.flamingo.fx.testing.SessionWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Two hello windows on a real reflector count together, and a click in one resets both. */
class HelloIT {
  @RegisterExtension
  final SessionWindows windows = new SessionWindows();

  @Test
  void bothWindowsCountTogetherAndAClickResetsBoth() throws Exception {
    SessionWindow a = windows.open((stage, reflector, session) -> Hello.open(stage, reflector, session, "secret"));
    SessionWindow b = windows.open((stage, reflector, session) -> Hello.open(stage, reflector, session, "secret"));
    await(() -> count(a) >= 3 && count(b) >= 3);
    new FxRobot().clickOn(centre(a, "#countDisplay"));
    await(() -> count(a) < 3 && count(b) < 3);
    // Both show the same replicated count (allowing for a tick landing between the two reads).
    await(() -> count(a) == count(b));
    assertTrue(count(a) < 3);
  }

  private static int count(SessionWindow window) throws Exception {
    return Integer.parseInt(text(window, "#countDisplay"));
  }
}
