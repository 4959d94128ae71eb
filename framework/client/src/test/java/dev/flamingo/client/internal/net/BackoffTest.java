package dev.flamingo.client.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void firstIsImmediateThenGrowsWithJitterUpToThirtySeconds() {
        Backoff backoff = new Backoff(() -> 0.5);
        assertEquals(0, backoff.next());
        assertEquals(150, backoff.next()); // (0 + 100) * 1.5
        assertEquals(375, backoff.next()); // (150 + 100) * 1.5
        long last = 0;
        for (int i = 0; i < 30; i++) {
            last = backoff.next();
        }
        assertEquals(Backoff.MAX_DELAY_MS, last);
    }

    @Test
    void resetStartsOver() {
        Backoff backoff = new Backoff(() -> 0.0);
        backoff.next();
        backoff.next();
        backoff.reset();
        assertEquals(0, backoff.next());
        assertEquals(100, backoff.next());
    }
}
