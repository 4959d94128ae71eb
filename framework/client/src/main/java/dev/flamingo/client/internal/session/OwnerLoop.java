package dev.flamingo.client.internal.session;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A session's own thread: runs the session's queued work whenever there is some, else parks.
 * Producers (network and timer threads) wake it with {@link #wake()}, a single {@link LockSupport#unpark} and
 * only when it is parked, so a frame from the reflector costs one thread hand-off and no executor queue, lock or
 * task object on the way. It also keeps the session's frame rate itself ({@link #startFrames}), parking until the
 * next frame is due, so the frames of fifty sessions do not each take a trip through a timer thread. Thread rule:
 * {@link #startFrames} and {@link #stopFrames} on the loop's own thread; the rest from any thread.
 */
final class OwnerLoop {

    private final Thread thread;
    private final Runnable drain;
    private final BooleanSupplier hasWork;
    private volatile boolean parked;
    private volatile boolean stopped;
    private Runnable frame;
    private long framePeriodNanos;
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

    /** Runs {@code task} about every {@code periodMs} between the queued work, until {@link #stopFrames}. */
    void startFrames(long periodMs, Runnable task) {
        framePeriodNanos = periodMs * 1_000_000;
        nextFrameNanos = System.nanoTime() + framePeriodNanos;
        frame = task;
    }

    void stopFrames() {
        frame = null;
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
        long now = System.nanoTime();
        if (frame != null && now - nextFrameNanos >= 0) {
            // Fixed rate, but after a stall the next frame comes one period later rather than in a burst.
            nextFrameNanos = Math.max(nextFrameNanos + framePeriodNanos, now);
            frame.run();
        }
    }

    // No spinning before the park: on this 2-core machine there are far more sessions than cores, and a
    // profile showed the spin as the top consumer of CPU the other sessions needed.
    private void idle() {
        // Dekker-style with wake(): a producer that queued before reading parked == false is seen by hasWork here.
        parked = true;
        while (!hasWork.getAsBoolean() && !stopped) {
            if (frame == null) {
                LockSupport.park(this);
            } else {
                long wait = nextFrameNanos - System.nanoTime();
                if (wait <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, wait);
            }
        }
        parked = false;
    }
}
