package dev.flamingo.client.it;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.List;

/** A root model that persists its notes across code versions with persistSession. */
public class NotesModel extends Model {
    ArrayList<String> notes = new ArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    protected void init(Object options, Object persisted) {
        if (persisted != null) {
            notes = new ArrayList<>((List<String>) persisted);
        }
        subscribe("notes", "add", this::onAdd);
    }

    void onAdd(String note) {
        notes.add(note);
        persistSession(new ArrayList<>(notes));
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}
