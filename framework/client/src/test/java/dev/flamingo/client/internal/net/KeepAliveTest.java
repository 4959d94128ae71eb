package dev.flamingo.client.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeepAliveTest {

    @Test
    void pulsesAfterTwentyFiveQuietSeconds() {
        assertEquals(KeepAlive.Action.NONE, KeepAlive.check(24_999, 0, 24_000));
        assertEquals(KeepAlive.Action.PULSE, KeepAlive.check(25_000, 0, 24_000));
    }

    @Test
    void reconnectsAfterFiftySilentSeconds() {
        assertEquals(KeepAlive.Action.RECONNECT, KeepAlive.check(50_000, 49_000, 0));
    }
}
