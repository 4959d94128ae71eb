package dev.flamingo.client.it;

import dev.flamingo.core.Model;

/** A root model that numbers the view events it receives and tells the views each number. */
public class TallyModel extends Model {
    long count;
    long checksum;

    @Override
    protected void init(Object options) {
        subscribe("tally", "add", this::onAdd);
    }

    void onAdd(Long n) {
        count++;
        checksum = checksum * 31 + n;
        publish("tally", "added", count);
    }

    /** State summary for comparing replicas. */
    public String summary() {
        return "count=" + count + " checksum=" + checksum;
    }
}
