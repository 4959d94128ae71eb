package dev.flamingo.client.internal.session;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A session's own thread: runs the session's queued work whenever there is some, else parks.
 * Producers (network and timer threads) wake it with {@link #wake()}, a single {@link LockSupport#unpark} and
 * only when it is parked, so a frame from the reflector costs one thread hand-off and no executor queue, lock or
 * task object on the way. Thread rule: {@link #wake}, {@link #shutdown} and the queries from any thread.
 */
final class OwnerLoop {

    private final Thread thread;
    private final Runnable drain;
    private final BooleanSupplier hasWork;
    private volatile boolean parked;
    private volatile boolean stopped;

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

    boolean isShutdown() {
        return stopped;
    }

    boolean isOwnerThread() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        while (!stopped || hasWork.getAsBoolean()) {
            drain.run();
            idle();
        }
    }

    // No spinning before the park: on this 2-core machine there are far more sessions than cores, and a
    // profile showed the spin as the top consumer of CPU the other sessions needed.
    private void idle() {
        // Dekker-style with wake(): a producer that queued before reading parked == false is seen by hasWork here.
        parked = true;
        while (!hasWork.getAsBoolean() && !stopped) {
            LockSupport.park(this);
        }
        parked = false;
    }
}
