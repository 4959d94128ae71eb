package dev.flamingo.client.it;

import dev.flamingo.core.Model;
import dev.flamingo.core.guard.AllowNondeterminism;

/** A counter that, on purpose, computes differently on one replica: for the divergence test only. */
public class DivergentModel extends Model {

    /**
     * The replica that miscounts: its root model, since its frames may run on the network thread that read
     * them, and its view id, which the thread replaying its messages to locate the divergence carries in its
     * name.
     */
    @AllowNondeterminism("test fixture: injects divergence on purpose")
    static volatile Object miscountingModel;
    @AllowNondeterminism("test fixture: injects divergence on purpose")
    static volatile String miscountingView = "none";

    long total;
    /** VM time of the add that took the total past 5 (where the miscounting replica goes wrong), or -1. */
    long wentWrongAt = -1;

    @Override
    protected void init(Object options) {
        subscribe("counter", "add", this::onAdd);
    }

    @AllowNondeterminism("test fixture: injects divergence on purpose")
    void onAdd(Long n) {
        total += n;
        if (total > 5 && wentWrongAt < 0) {
            wentWrongAt = now();
        }
        if (total > 5 && (this == miscountingModel || Thread.currentThread().getName().contains(miscountingView))) {
            total += 1000;
        }
    }
}
