package dev.flamingo.client.it;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;

/** Publishes notes. */
public class NotesView extends View {
    public NotesView(Model model) {
        super(model);
    }

    public void add(String note) {
        publish("notes", "add", note);
    }
}
