package dev.flamingo.testkit;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;

/** Publishes adds to the tally; a headless client's only input. */
public class TallyView extends View {
  public TallyView(Model model) {
    super(model);
  }

  void add(int n) {
    publish("tally", "add", n);
  }
}
