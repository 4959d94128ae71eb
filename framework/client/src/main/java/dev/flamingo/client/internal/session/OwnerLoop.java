package dev.flamingo.client.internal.session;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A session's own thread: runs the session's queued work whenever there is some, else parks.
 * Producers (network and timer threads) wake it with {@link #wake()}, a single {@link LockSupport#unpark} and
 * only when it is parked, so a frame from the reflector costs one thread hand-off and no executor queue, lock or
 * task object on the way. It also keeps the session's frames itself ({@link #startFrames}), parking until the
 * next one is due, so the frames of fifty sessions do not each take a trip through a timer thread. Frames run
 * only as often as they are wanted: each frame says when the next one is needed, and {@link #requestFrame} asks
 * for one sooner, never more often than the frame period. Thread rule: {@link #startFrames} and
 * {@link #stopFrames} on the loop's own thread; the rest from any thread.
 */
final class OwnerLoop {

    private final Thread thread;
    private final Runnable drain;
    private final BooleanSupplier hasWork;
    private volatile boolean parked;
    private volatile boolean stopped;
    /** Set by {@link #requestFrame}: a frame is wanted at the next point the frame period allows. */
    private volatile boolean frameRequested;
    private LongSupplier frame;
    private long framePeriodNanos;
    private long lastFrameNanos;
    private long nextFrameNanos;

    /** Starts a daemon thread named {@code name} that runs {@code drain} whenever {@code hasWork} holds. */
    OwnerLoop(String name, Runnable drain, BooleanSupplier hasWork) {
        this.drain = drain;
        this.hasWork = hasWork;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** There is new work: unparks the thread if it sleeps. */
    void wake() {
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    /** Stops once the work queued so far has run. */
    void shutdown() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    /**
     * Runs {@code task} between the queued work until {@link #stopFrames}: first one period from now, then
     * whenever it is due. The task returns the milliseconds until it next needs to run: at most the period
     * keeps a steady rate of one frame per period, more lets the thread sleep that long.
     */
    void startFrames(long periodMs, LongSupplier task) {
        framePeriodNanos = periodMs * 1_000_000;
        lastFrameNanos = System.nanoTime();
        nextFrameNanos = lastFrameNanos + framePeriodNanos;
        frame = task;
    }

    void stopFrames() {
        frame = null;
    }

    /**
     * Asks for a frame one period after the last one (now, if that has passed), sooner than the last frame
     * asked for. Wakes the thread only if it is parked and called from elsewhere.
     */
    void requestFrame() {
        frameRequested = true;
        if (parked && !isOwnerThread()) {
            LockSupport.unpark(thread);
        }
    }

    boolean isShutdown() {
        return stopped;
    }

    boolean isOwnerThread() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        while (!stopped || hasWork.getAsBoolean()) {
            drain.run();
            frameIfDue();
            idle();
        }
    }

    private void frameIfDue() {
        if (frame == null) {
            return;
        }
        long now = System.nanoTime();
        long due = frameDeadline();
        if (now - due < 0) {
            return;
        }
        frameRequested = false;
        lastFrameNanos = now;
        long wantedNanos = Math.max(1, frame.getAsLong()) * 1_000_000;
        if (wantedNanos > framePeriodNanos) {
            nextFrameNanos = now + wantedNanos;
        } else {
            // Fixed rate, but after a stall the next frame comes one period later rather than in a burst.
            nextFrameNanos = due + framePeriodNanos;
            if (nextFrameNanos - now <= 0) {
                nextFrameNanos = now + framePeriodNanos;
            }
        }
    }

    /** When the next frame is due: as the last frame asked, or one period after it if one was requested. */
    private long frameDeadline() {
        long deadline = nextFrameNanos;
        if (frameRequested) {
            long periodAfterLast = lastFrameNanos + framePeriodNanos;
            if (periodAfterLast - deadline < 0) {
                deadline = periodAfterLast;
            }
        }
        return deadline;
    }

    // No spinning before the park: on this 2-core machine there are far more sessions than cores, and a
    // profile showed the spin as the top consumer of CPU the other sessions needed.
    private void idle() {
        // Dekker-style with wake() and requestFrame(): a producer that queued work or asked for a frame before
        // reading parked == false is seen by hasWork or frameDeadline here.
        parked = true;
        while (!hasWork.getAsBoolean() && !stopped) {
            if (frame == null) {
                LockSupport.park(this);
            } else {
                long wait = frameDeadline() - System.nanoTime();
                if (wait <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, wait);
            }
        }
        parked = false;
    }
}
