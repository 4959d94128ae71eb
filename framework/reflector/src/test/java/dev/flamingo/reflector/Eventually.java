package dev.flamingo.reflector;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in a test for something the server does on its own threads. Test thread only. */
final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} every 20 ms and fails after 5 s, naming {@code what} did not happen. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
