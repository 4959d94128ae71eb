package dev.flamingo.fx;

import static dev.flamingo.fx.testing.SessionWindows.await;
import static dev.flamingo.fx.testing.SessionWindows.fx;
import static dev.flamingo.fx.testing.SessionWindows.text;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.core.Registry;
import dev.flamingo.fx.testing.SessionWindows;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the real client and reflector: a window joining a session whose history takes seconds to replay (400
 * events of a few milliseconds each) shows the catching-up overlay, keeps pulsing, and drops the overlay once
 * current.
 */
class CatchingUpIT {
  private static final Registry REGISTRY = Registry.builder().register("fxtest.Busy", BusyModel.class).build();
  private static final int EVENTS = 400;

  @RegisterExtension
  final SessionWindows windows = new SessionWindows();

  @Test
  void overlayShowsWhileALongHistoryReplays() throws Exception {
    SessionWindow writer = open(null);
    await(() -> done(writer) >= 0);
    for (int i = 0; i < EVENTS / BusyView.BURST; i++) {
      fx(() -> {
        ((Button) writer.stage().getScene().lookup("#burst")).fire();
        return null;
      });
    }
    await(() -> done(writer) == EVENTS);
    List<Boolean> overlay = new CopyOnWriteArrayList<>();
    SessionWindow late = open(overlay);
    await(() -> done(late) == EVENTS && !fx(() -> late.frame().overlay().isVisible()));
    // Counted while the overlay was up, not before it: a busy machine may stall the first pulses of a new window.
    long pulsesWhileUp = overlay.stream().filter(up -> up).count();
    assertTrue(pulsesWhileUp > 5, "the window kept pulsing while catching up: " + pulsesWhileUp
        + " pulses with the overlay up");
  }

  /** Opens a window; with {@code overlay}, records on every pulse from the first whether the overlay shows. */
  private SessionWindow open(List<Boolean> overlay) throws Exception {
    return windows.open((stage, reflector, session) -> {
      // No snapshot during the test, so the late window replays every event.
      SessionWindow window = SessionWindow.open(stage, JoinParameters.builder().appId("dev.flamingo.fxtest")
          .name(session).password("pw").registry(REGISTRY).model(BusyModel.class).reflector(reflector)
          .snapshotAfterCpuMs(600_000), (m, status) -> new BusyView((BusyModel) m));
      if (overlay != null) {
        window.host().addPulseListener(() -> overlay.add(window.frame().overlay().isVisible()));
      }
      return window;
    });
  }

  private static int done(SessionWindow window) throws Exception {
    return Integer.parseInt(text(window, "#done"));
  }
}
