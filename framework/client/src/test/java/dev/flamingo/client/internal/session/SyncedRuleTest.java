package dev.flamingo.client.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyncedRuleTest {

    private final SyncedRule rule = new SyncedRule(50);

    @Test
    void unsyncedAtOnceBeyondTwoSecondsOfLag() {
        rule.set(true);
        assertFalse(rule.update(0, 2000 + 50));
        assertTrue(rule.update(1, 2001 + 50));
        assertFalse(rule.synced());
    }

    @Test
    void theFlagCannotDropBeforeTheLagCouldHaveGrownPastTheLimit() {
        rule.set(true);
        assertEquals(2000, rule.msBeforeUnsyncedPossible(50), "no lag beyond one tick");
        assertEquals(1500, rule.msBeforeUnsyncedPossible(550));
        long wait = rule.msBeforeUnsyncedPossible(550);
        // The lag grows at most as fast as the clock: checked no earlier than that, it is still within the limit.
        assertFalse(rule.update(0, 550 + wait));
        assertTrue(rule.update(1, 550 + wait + 1));
        assertEquals(0, new SyncedRule(50).msBeforeUnsyncedPossible(5000), "already beyond");
    }

    @Test
    void syncedAgainOnlyAfterTwoHundredMillisecondsUnderTwoHundred() {
        assertFalse(rule.update(1000, 100));
        assertFalse(rule.update(1199, 100));
        assertTrue(rule.update(1200, 100));
        assertTrue(rule.synced());
    }

    @Test
    void aLagSpikeRestartsTheWait() {
        rule.update(0, 100);
        rule.update(100, 500); // between the thresholds: neither synced nor counting
        assertFalse(rule.update(250, 100));
        assertFalse(rule.update(400, 100));
        assertTrue(rule.update(450, 100));
    }

    @Test
    void longTicksScaleTheThresholds() {
        SyncedRule slow = new SyncedRule(30_000);
        slow.set(true);
        assertFalse(slow.update(0, 30_000 + 5_999)); // 0.2 * 30 s = 6 s
        assertTrue(slow.update(1, 30_000 + 6_001));
    }
}
