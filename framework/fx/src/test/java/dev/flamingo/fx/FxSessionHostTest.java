package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The host steps once per pulse on the FX thread, stops on a failing step, and refuses other threads. */
class FxSessionHostTest {

  @BeforeAll
  static void toolkit() throws Exception {
    Fx.startToolkit();
  }

  @Test
  void stepsOncePerPulseOnTheFxThread() throws Exception {
    AtomicInteger wrongThread = new AtomicInteger();
    AtomicInteger steps = new AtomicInteger();
    FxSessionHost host = Fx.call(FxSessionHost::start);
    Fx.run(() -> host.drive(t -> {
      steps.incrementAndGet();
      if (!javafx.application.Platform.isFxApplicationThread()) {
        wrongThread.incrementAndGet();
      }
    }));
    Fx.await(() -> steps.get() >= 3);
    Fx.run(host::stop);
    assertEquals(0, wrongThread.get());
    long pulses = Fx.call(host::pulseCount);
    assertTrue(steps.get() <= pulses, steps + " steps in " + pulses + " pulses");
  }

  @Test
  void failingStepStopsSteppingAndReachesTheHandler() throws Exception {
    AtomicReference<Throwable> reported = new AtomicReference<>();
    AtomicInteger steps = new AtomicInteger();
    IllegalStateException boom = new IllegalStateException("replica broken");
    FxSessionHost host = Fx.call(FxSessionHost::start);
    Fx.run(() -> {
      host.onFailure(reported::set);
      host.drive(t -> {
        steps.incrementAndGet();
        throw boom;
      });
    });
    Fx.await(() -> reported.get() != null);
    long pulses = Fx.call(host::pulseCount);
    Fx.await(() -> host.pulseCount() > pulses + 2);
    Fx.run(host::stop);
    assertSame(boom, reported.get());
    assertEquals(1, steps.get(), "no step after the failure");
  }

  @Test
  void pulseListenersRunAndAFailingOneDoesNotStopTheOthers() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    FxSessionHost host = Fx.call(FxSessionHost::start);
    Fx.run(() -> {
      host.addPulseListener(() -> {
        throw new IllegalStateException("widget bug");
      });
      host.addPulseListener(calls::incrementAndGet);
    });
    Fx.await(() -> calls.get() >= 2);
    Fx.run(host::stop);
  }

  @Test
  void offTheFxThreadTheHostNamesTheThread() {
    IllegalStateException e = assertThrows(IllegalStateException.class, FxSessionHost::start);
    assertTrue(e.getMessage().contains("\"" + Thread.currentThread().getName() + "\""), e.getMessage());
  }
}
