package dev.flamingo.client.internal.session;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Step;
import dev.flamingo.core.vm.VirtualMachine;

/**
 * Runs the VM towards the reflector's time: fast-forward while joining and simulation once joined, both in
 * 200 ms slices with the owner free in between; frames (view events, paced sends, the root view's update);
 * and Croquet's {@code synced} flag. Reads the VM through the controller each time, because a handler's host
 * callback can reboot the replica mid-slice. Confined to the replica's owner, except {@link #isSynced} (any
 * thread).
 */
final class Simulation {

    private static final long SLICE_NANOS = 200_000_000L;
    /**
     * A frame delivered on a network thread simulates at most this long there; the rest continues on the
     * session thread, so a busy session does not hold up the frames of the sessions sharing that thread.
     */
    private static final long DELIVERY_SLICE_NANOS = 1_000_000L;

    /**
     * The longest an idle joined session's thread sleeps between frames (no root view {@code update}, no view
     * phase listener, nothing queued for the views, synced): at the frame rate, ten idle sessions woke 625 times
     * a second, about 10 ms of CPU a second here. This bounds how late a change the frame cannot foresee is
     * noticed, such as the clock jump of a reconnect.
     */
    private static final long IDLE_FRAME_MS = 250;

    private final Controller c;
    private final JoinParameters params;
    private final SyncedRule syncedRule;
    private volatile boolean synced;
    private boolean simulateQueued;
    private long ffStartTime;

    Simulation(Controller controller) {
        this.c = controller;
        this.params = controller.parameters();
        this.syncedRule = new SyncedRule(params.tps().tickMs());
    }

    /** A VM was restored: fast-forward measures progress from {@code vmTime}. */
    void restoredAt(long vmTime) {
        ffStartTime = vmTime;
    }

    long ffStartTime() {
        return ffStartTime;
    }

    /** Advances a joining replica one slice towards the reflector's time; joins once caught up. */
    void fastForward() {
        simulateQueued = false;
        if (c.vm() == null || c.viewReady()) {
            return;
        }
        boolean caughtUp = c.vm().advanceTo(c.stream().reflectorTime(), System.nanoTime() + slice());
        c.vm().viewDomain().processFrameEvents(false);
        reportProgress();
        if (!caughtUp) {
            scheduleSimulate();
        } else if (c.vm().hasView(c.viewId())) {
            c.finishJoin();
        }
    }

    private void reportProgress() {
        long target = c.stream().reflectorTime();
        if (params.progress() != null && target > ffStartTime) {
            double p = (double) (c.vm().time() - ffStartTime) / (target - ffStartTime);
            params.progress().accept(Math.min(1, p));
        }
    }

    /** New input (messages or time): fast-forward while joining, else simulate in AUTO. */
    void afterInput() {
        if (c.vm() == null) {
            return;
        }
        if (!c.viewReady()) {
            if (!simulateQueued) {
                fastForward();
            }
            return;
        }
        if (params.step() == Step.AUTO) {
            simulate();
        }
    }

    private void scheduleSimulate() {
        if (!simulateQueued) {
            simulateQueued = true;
            c.post(c.viewReady() ? this::simulateTask : this::fastForward);
        }
    }

    private void simulateTask() {
        simulateQueued = false;
        if (c.vm() != null && c.viewReady()) {
            simulate();
        }
    }

    /** One main-loop step of a joined replica: simulate, then a frame. */
    void step(long frameTime) {
        if (c.vm() != null && c.viewReady()) {
            simulate();
            frame(frameTime);
        }
    }

    private void simulate() {
        long start = System.nanoTime();
        boolean caughtUp = c.vm().advanceTo(c.stream().reflectorTime(), start + slice());
        c.snapshots().spent((System.nanoTime() - start) / 1e6);
        if (c.vm() == null) {
            return; // a handler's host callback rebooted the replica
        }
        beforeViews();
        c.vm().viewDomain().processFrameEvents(false);
        afterViews();
        c.outbox().service(c.vm().time());
        if (caughtUp) {
            c.snapshots().pollIfDue();
        } else {
            scheduleSimulate();
        }
    }

    private long slice() {
        return c.owner().delivering() ? DELIVERY_SLICE_NANOS : SLICE_NANOS;
    }

    /**
     * A frame: the synced flag, view events, paced sends, and the root view's update. Returns the milliseconds
     * until the next frame is needed: 0 for the frame rate, while anything may change from frame to frame.
     */
    long frame(long frameTime) {
        if (c.vm() == null || !c.viewReady()) {
            return IDLE_FRAME_MS;
        }
        long quietMs = updateSynced();
        beforeViews();
        c.vm().viewDomain().processFrameEvents(true);
        c.outbox().service(c.vm().time());
        c.root().update(frameTime);
        afterViews();
        boolean everyFrame = c.root().updatesEveryFrame() || params.viewPhase() != null || !syncedRule.synced();
        return everyFrame ? 0 : Math.min(IDLE_FRAME_MS, quietMs);
    }

    private void beforeViews() {
        if (params.viewPhase() != null) {
            params.viewPhase().beforeViews();
        }
    }

    private void afterViews() {
        if (params.viewPhase() != null) {
            params.viewPhase().afterViews();
        }
    }

    /** Applies the synced rule now; returns how long the flag cannot change without new input, in ms. */
    private long updateSynced() {
        long now = Controller.wallMs();
        double extrapolated = c.stream().extrapolatedTime(now, c.link().isConnected());
        VirtualMachine vm = c.vm();
        double behindMs = extrapolated - vm.time();
        if (syncedRule.update(now, behindMs)) {
            boolean value = syncedRule.synced();
            synced = value;
            c.debug(DebugFlag.SESSION, () -> "synced " + value);
            vm.viewDomain().publishToViews(c.viewId(), "synced", value);
        }
        return syncedRule.synced() ? syncedRule.msBeforeUnsyncedPossible(behindMs) : 0;
    }

    /** This client's view-join ran: synced until the rule says otherwise. */
    void joined() {
        syncedRule.set(true);
        synced = true;
    }

    boolean isSynced() {
        return synced;
    }

    /** The replica was torn down. */
    void reset() {
        syncedRule.set(false);
        synced = false;
        simulateQueued = false;
    }
}
