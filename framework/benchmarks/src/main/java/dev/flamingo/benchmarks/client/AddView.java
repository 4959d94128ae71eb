package dev.flamingo.benchmarks.client;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;

/** Publishes adds. */
public class AddView extends View {
    public AddView(Model model) {
        super(model);
    }

    public void add(long n) {
        publish("bench", "add", n);
    }
}
