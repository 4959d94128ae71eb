package dev.flamingo.client.it;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;

/** A headless root view that publishes adds to a {@link PulseModel}. */
public class PulseView extends View {

    public PulseView(Model model) {
        super(model);
    }

    public void add(long n) {
        publish("pulse", "add", n);
    }
}
