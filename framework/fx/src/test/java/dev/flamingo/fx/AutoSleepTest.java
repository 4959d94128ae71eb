package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hidden or minimized stage puts the session to sleep after the delay and wakes it when shown; with a real
 * session, {@code AutoSleepIT} shows that the wake keeps the view id.
 */
class AutoSleepTest {
  private final AtomicInteger sleeps = new AtomicInteger();
  private final AtomicInteger wakes = new AtomicInteger();

  @BeforeAll
  static void toolkit() throws Exception {
    Fx.startToolkit();
  }

  @Test
  void hiddenStageSleepsAndWakesWhenShown() throws Exception {
    Stage stage = shownStage();
    AutoSleep autoSleep = Fx.call(() -> AutoSleep.install(stage, 0.2, sleeps::incrementAndGet, wakes::incrementAndGet));
    Fx.run(stage::hide);
    Fx.await(autoSleep::isAsleep);
    assertEquals(1, sleeps.get());
    Fx.run(stage::show);
    Fx.await(() -> !autoSleep.isAsleep());
    assertEquals(1, wakes.get());
    Fx.run(() -> {
      autoSleep.close();
      stage.close();
    });
  }

  @Test
  void minimizedStageSleepsAndWakesWhenRestored() throws Exception {
    Stage stage = shownStage();
    AutoSleep autoSleep = Fx.call(() -> AutoSleep.install(stage, 0.2, sleeps::incrementAndGet, wakes::incrementAndGet));
    Fx.run(() -> stage.setIconified(true));
    Fx.await(autoSleep::isAsleep);
    Fx.run(() -> stage.setIconified(false));
    Fx.await(() -> !autoSleep.isAsleep());
    assertEquals(1, sleeps.get());
    assertEquals(1, wakes.get());
    Fx.run(() -> {
      autoSleep.close();
      stage.close();
    });
  }

  @Test
  void aBriefHideDoesNotSleep() throws Exception {
    Stage stage = shownStage();
    AutoSleep autoSleep = Fx.call(() -> AutoSleep.install(stage, 5, sleeps::incrementAndGet, wakes::incrementAndGet));
    Fx.run(stage::hide);
    Fx.run(stage::show);
    Fx.run(() -> {
      autoSleep.close();
      stage.close();
    });
    assertEquals(0, sleeps.get());
    assertEquals(0, wakes.get());
  }

  @Test
  void nonPositiveDelayIsRejectedWithTheValue() throws Exception {
    Stage stage = Fx.call(Stage::new);
    IllegalArgumentException e = Fx.call(() -> assertThrows(IllegalArgumentException.class,
        () -> AutoSleep.install(stage, 0, () -> {}, () -> {})));
    assertEquals("autoSleep seconds must be a positive number, got 0.0", e.getMessage());
  }

  private static Stage shownStage() throws Exception {
    return Fx.call(() -> {
      Stage s = new Stage();
      s.setScene(new Scene(new Pane(), 100, 100));
      s.show();
      return s;
    });
  }
}
