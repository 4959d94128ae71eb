package dev.flamingo.client.it;

import dev.flamingo.core.Model;
import dev.flamingo.core.guard.AllowNondeterminism;

/** A counter that, on purpose, computes differently on one replica: for the divergence test only. */
public class DivergentModel extends Model {

    /** The view id of the replica that miscounts (its session thread carries the id in its name). */
    @AllowNondeterminism("test fixture: injects divergence on purpose")
    static volatile String miscounting = "none";

    long total;

    @Override
    protected void init(Object options) {
        subscribe("counter", "add", this::onAdd);
    }

    @AllowNondeterminism("test fixture: injects divergence on purpose")
    void onAdd(Long n) {
        total += n;
        if (total > 5 && Thread.currentThread().getName().contains(miscounting)) {
            total += 1000;
        }
    }
}
