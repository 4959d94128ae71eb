package dev.flamingo.core.vm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Named actions that tests register and a {@link LogModel} runs at VM time (through a {@code test:run}
 * event), so model-only calls happen inside model execution. Test thread only.
 */
final class Steps {
  private static final Map<String, Consumer<LogModel>> STEPS = new LinkedHashMap<>();
  private static final Map<String, Runnable> ACTIONS = new LinkedHashMap<>();

  private Steps() {}

  static void define(String name, Consumer<LogModel> step) {
    STEPS.put(name, step);
  }

  /** An action for models other than {@link LogModel}, run by their {@code test:exec} handler. */
  static void action(String name, Runnable action) {
    ACTIONS.put(name, action);
  }

  static void exec(String name) {
    ACTIONS.get(name).run();
  }

  static void run(LogModel model, String name) {
    Consumer<LogModel> step = STEPS.get(name);
    if (step == null) {
      throw new IllegalArgumentException("no step " + name);
    }
    step.accept(model);
  }
}
