package dev.flamingo.fx;

import javafx.application.Platform;

/** The check every FX entry point makes (like the toolkit's own {@code checkFxUserThread}). Any thread. */
final class FxThread {
  private FxThread() {}

  /** Throws {@link IllegalStateException} naming the current thread unless it is the FX Application Thread. */
  static void check(String what) {
    if (!Platform.isFxApplicationThread()) {
      throw new IllegalStateException(what + " must be called on the FX Application Thread, not on thread \""
          + Thread.currentThread().getName() + "\"; use Platform.runLater once to get there");
    }
  }
}
