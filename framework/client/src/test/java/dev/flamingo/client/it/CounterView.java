package dev.flamingo.client.it;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import java.util.ArrayList;
import java.util.List;

/** A headless root view that publishes counter events and records the synced events it saw. */
public class CounterView extends View {
    final List<Boolean> synced = new ArrayList<>();
    /** Set by {@link #detach()}: the session tore this view down. */
    volatile boolean detached;

    public CounterView(Model model) {
        super(model);
        subscribe(viewId(), "synced", (Boolean value) -> synced.add(value));
    }

    @Override
    public void detach() {
        detached = true;
        super.detach();
    }

    public void add(long n) {
        publish("counter", "add", n);
    }

    public void ballastData(byte[] data) {
        publish("counter", "blob", data);
    }

    public void ballast(int bytes) {
        publish("counter", "ballast", bytes);
    }
}
