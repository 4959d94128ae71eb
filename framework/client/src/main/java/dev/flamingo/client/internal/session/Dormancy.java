package dev.flamingo.client.internal.session;

import dev.flamingo.client.DebugFlag;

/**
 * Croquet's dormancy: out of sight for {@code autoSleep} seconds (never when 0), or told to sleep, the session
 * disconnects with 4110 and stops reconnecting; waking joins again as the same view. The rejoinLimit rule then
 * runs as for any disconnect (the view is torn down once it passes, and the others see our view-exit).
 * Confined to the replica's owner, except {@link #isDormant} (any thread).
 */
final class Dormancy {

    private final Controller c;
    private final double autoSleepSeconds;
    /** Out of sight for {@code autoSleep} seconds, then dormant. */
    private OwnedTimer sleepTimer;
    private volatile boolean dormant;

    Dormancy(Controller controller) {
        this.c = controller;
        this.autoSleepSeconds = controller.parameters().autoSleepSeconds();
    }

    /** In sight: wakes now. Out of sight: starts the autoSleep timer, unless dormant or already counting. */
    void visible(boolean visible) {
        if (visible) {
            wake();
        } else if (autoSleepSeconds > 0 && !dormant && (sleepTimer == null || sleepTimer.isDone())) {
            sleepTimer = c.schedule(this::sleep, Math.round(autoSleepSeconds * 1000));
        }
    }

    /** Croquet's {@code dormantDisconnect}: close with 4110 and stop reconnecting. */
    void sleep() {
        OwnedTimer.cancelIfSet(sleepTimer);
        if (c.lifecycle().isDead() || c.lifecycle().isLeaving() || dormant || !c.link().isStarted()) {
            return;
        }
        dormant = true;
        c.debug(DebugFlag.SESSION, () -> "going dormant");
        c.link().sleep();
    }

    /** Ends dormancy and any pending autoSleep timer. */
    void wake() {
        OwnedTimer.cancelIfSet(sleepTimer);
        if (c.lifecycle().isDead() || !dormant) {
            return;
        }
        dormant = false;
        c.debug(DebugFlag.SESSION, () -> "waking from dormancy as view " + c.viewId());
        c.link().wake();
    }

    boolean isDormant() {
        return dormant;
    }
}
