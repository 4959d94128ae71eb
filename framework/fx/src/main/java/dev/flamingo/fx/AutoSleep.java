package dev.flamingo.fx;

import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Croquet's {@code autoSleep}: when the stage stays minimized or hidden for the given time, {@code sleep}
 * runs (the session goes dormant: it disconnects); when the stage is shown again, {@code wake} runs (it
 * reconnects). Timed with a {@link PauseTransition}, so everything happens on the FX thread. Thread rule:
 * FX Application Thread only.
 */
public final class AutoSleep implements AutoCloseable {
  private final Stage stage;
  private final Runnable sleep;
  private final Runnable wake;
  private final PauseTransition delay;
  private final InvalidationListener onChange = o -> changed();
  private boolean asleep;

  private AutoSleep(Stage stage, double seconds, Runnable sleep, Runnable wake) {
    this.stage = stage;
    this.sleep = sleep;
    this.wake = wake;
    this.delay = new PauseTransition(Duration.seconds(seconds));
    delay.setOnFinished(e -> fallAsleep());
  }

  /**
   * Watches {@code stage}; {@code seconds} out of sight before sleeping must be positive (Croquet's default is
   * 10; to never sleep, do not install one).
   */
  public static AutoSleep install(Stage stage, double seconds, Runnable sleep, Runnable wake) {
    FxThread.check("AutoSleep.install");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(sleep, "sleep");
    Objects.requireNonNull(wake, "wake");
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("autoSleep seconds must be a positive number, got " + seconds);
    }
    AutoSleep autoSleep = new AutoSleep(stage, seconds, sleep, wake);
    stage.iconifiedProperty().addListener(autoSleep.onChange);
    stage.showingProperty().addListener(autoSleep.onChange);
    autoSleep.changed();
    return autoSleep;
  }

  /** True while the session is asleep (dormant). */
  public boolean isAsleep() {
    FxThread.check("AutoSleep.isAsleep");
    return asleep;
  }

  /** Stops watching; does not wake a sleeping session. */
  @Override
  public void close() {
    FxThread.check("AutoSleep.close");
    delay.stop();
    stage.iconifiedProperty().removeListener(onChange);
    stage.showingProperty().removeListener(onChange);
  }

  private boolean outOfSight() {
    return stage.isIconified() || !stage.isShowing();
  }

  private void changed() {
    if (outOfSight()) {
      if (!asleep) {
        delay.playFromStart();
      }
    } else {
      delay.stop();
      if (asleep) {
        asleep = false;
        wake.run();
      }
    }
  }

  private void fallAsleep() {
    if (outOfSight() && !asleep) {
      asleep = true;
      sleep.run();
    }
  }
}
