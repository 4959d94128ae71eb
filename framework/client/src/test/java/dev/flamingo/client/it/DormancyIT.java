package dev.flamingo.client.it;

import static dev.flamingo.client.it.Fixture.add;
import static dev.flamingo.client.it.Fixture.await;
import static dev.flamingo.client.it.Fixture.on;
import static dev.flamingo.client.it.Fixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.Session;
import dev.flamingo.core.View;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Croquet's autoSleep against the real reflector: dormancy ends the view for the others; waking keeps the viewId. */
class DormancyIT {

    @AutoClose
    private final Fixture fixture = new Fixture(null);

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not within 20 s");
            }
            Thread.sleep(20);
        }
    }

    private static long exits(Session s) throws Exception {
        return on(s, () -> Fixture.model(s).exits());
    }

    @Test
    void hiddenPastAutoSleepGoesDormantAndWakesAsTheSameView() throws Exception {
        Session a = fixture.join(fixture.params("sleepy"));
        Session b = fixture.join(fixture.params("sleepy").rejoinLimit(300).autoSleep(0.3));
        add(a, 1);
        await(List.of(a, b), m -> m.events() == 1);
        long joinsBefore = on(a, () -> Fixture.model(a).joins());
        View view = on(b, b::view);
        b.setVisible(false);
        waitUntil("b dormant", b::isDormant);
        await(List.of(a), m -> m.exits() == 1); // after rejoinLimit + 250 ms, the reflector announces the exit
        add(a, 2); // happens while b sleeps
        b.setVisible(true);
        waitUntil("b awake", () -> !b.isDormant());
        await(List.of(a, b), m -> m.events() == 2);
        await(List.of(a), m -> m.joins() == joinsBefore + 1 && m.lastJoin().contains(b.viewId()));
        View rebuilt = on(b, b::view);
        assertNotSame(view, rebuilt, "asleep longer than rejoinLimit: model and view rebooted from the snapshot");
        add(b, 3);
        await(List.of(a, b), m -> m.events() == 3);
        assertEquals(summary(a), summary(b));
    }

    @Test
    void aShortSleepWithinRejoinLimitIsSeamless() throws Exception {
        Session a = fixture.join(fixture.params("nap"));
        Session b = fixture.join(fixture.params("nap").rejoinLimit(5000));
        View view = on(b, b::view);
        b.sleep();
        waitUntil("b dormant", b::isDormant);
        add(a, 1);
        Thread.sleep(300);
        b.wake();
        add(b, 2);
        await(List.of(a, b), m -> m.events() == 2);
        assertSame(view, on(b, b::view));
        assertEquals(0L, exits(a));
        assertEquals(summary(a), summary(b));
    }

    @Test
    void backInSightBeforeAutoSleepNeverSleeps() throws Exception {
        Session b = fixture.join(fixture.params("blink").autoSleep(0.5));
        b.setVisible(false);
        b.setVisible(true);
        Thread.sleep(800);
        assertFalse(b.isDormant());
        add(b, 1);
        await(List.of(b), m -> m.events() == 1);
        assertTrue(b.ended().getNow(null) == null && !b.ended().isDone());
    }
}
