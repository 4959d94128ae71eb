package dev.flamingo.client.internal.net;

import java.util.function.DoubleSupplier;

/**
 * Croquet's reconnect delays: the first retry is immediate, then {@code min(30 s, round((d + 100) * (1 + r)))}
 * with r uniform in [0, 1), so a crowd of clients spreads out after a reflector restart. Confined to the
 * connection's lock.
 */
public final class Backoff {

    /** Longest wait between attempts. */
    public static final long MAX_DELAY_MS = 30_000;

    private final DoubleSupplier random;
    private long delay;
    private boolean first = true;

    /** Creates a backoff drawing jitter from {@code random} (values in [0, 1)). */
    public Backoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The delay before the next attempt, in ms. */
    public long next() {
        if (first) {
            first = false;
            return 0;
        }
        delay = Math.min(MAX_DELAY_MS, Math.round((delay + 100) * (1 + random.getAsDouble())));
        return delay;
    }

    /** Starts over after a successful join. */
    public void reset() {
        first = true;
        delay = 0;
    }
}
