package dev.flamingo.client.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoteBudgetTest {

    /** A burst of a second's worth goes out, the next vote waits for the budget to refill, at the set rate. */
    @Test
    void aSecondsWorthGoesOutThenTheRateHolds() {
        VoteBudget budget = new VoteBudget();
        int sent = 0;
        for (int i = 0; i < 3 * VoteBudget.VOTES_PER_SECOND; i++) {
            if (budget.tryTake(5_000)) {
                sent++;
            }
        }
        assertEquals(VoteBudget.VOTES_PER_SECOND, sent);
        assertFalse(budget.tryTake(5_000));
        int inOneSecond = 0;
        for (long us = 5_000_100; us <= 6_000_000; us += 100) { // a try every 0.1 ms for a second
            if (budget.tryTake(us / 1000)) {
                inOneSecond++;
            }
        }
        assertEquals(VoteBudget.VOTES_PER_SECOND, inOneSecond, 1);
    }
}
