package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.fx.widgets.SessionFrame;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A late joiner replaying a long history, spread over many pulses (at most 100 messages per step, so at least
 * 60 pulses, over a second at JavaFX's 60 pulses per second): the window keeps pulsing, and the catching-up
 * overlay shows until the replica is current.
 */
class CatchUpTest {
  private static final int HISTORY = 6_000;

  @BeforeAll
  static void toolkit() throws Exception {
    Fx.startToolkit();
  }

  @Test
  void overlayShowsDuringALongReplayAndTheWindowKeepsPulsing() throws Exception {
    LoopbackReflector reflector = new LoopbackReflector();
    Fx.run(() -> new LocalReplica("v0", reflector, FxViewTest.REGISTRY, CounterModel.class, null, 1_000_000L));
    for (int i = 0; i < HISTORY; i++) {
      reflector.broadcast(new ExternalMessage.ModelEvent("counter", "inc", null));
    }
    boolean[] overlaySeen = {false};
    long[] pulsesWhileBehind = {0};
    LocalReplica late = Fx.call(() -> {
      LocalReplica r = new LocalReplica("v1", reflector, FxViewTest.REGISTRY, CounterModel.class,
          m -> new CounterView((CounterModel) m), 1_000_000L).intakePerStep(100);
      SessionFrame frame = new SessionFrame(r.status);
      Stage stage = new Stage();
      stage.setScene(new Scene(frame, 300, 200));
      stage.show();
      FxSessionHost host = FxSessionHost.start();
      host.addPulseListener(frame::refresh);
      host.addPulseListener(() -> {
        overlaySeen[0] |= frame.overlay().isVisible();
        pulsesWhileBehind[0] += r.rootView() == null ? 1 : 0;
      });
      host.drive(r);
      return r;
    });
    Fx.await(() -> late.rootView() != null);
    assertEquals(HISTORY, Fx.call(() -> ((CounterModel) late.rootModel()).count()));
    assertTrue(overlaySeen[0], "overlay shown while catching up");
    assertTrue(pulsesWhileBehind[0] > 5, "replay spread over " + pulsesWhileBehind[0] + " pulses");
  }
}
