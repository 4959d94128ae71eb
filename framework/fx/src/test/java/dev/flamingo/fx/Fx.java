package dev.flamingo.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Test helpers: run on the FX thread and wait, poll a condition on the FX thread. */
final class Fx {
  private Fx() {}

  static void startToolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  static <T> T call(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }

  static void run(Runnable work) throws Exception {
    call(() -> {
      work.run();
      return null;
    });
  }

  /** Waits up to 10 s for {@code condition}, evaluated on the FX thread. */
  static void await(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> call(condition::getAsBoolean));
  }
}
