package dev.flamingo.client.internal.session;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Decides which thread runs the replica's work and hands it over: a FIFO inbox (network frames, timers,
 * submitted tasks) drained by the session's own {@link OwnerLoop}, except in MANUAL after the first join, when
 * the thread calling {@code step} owns the replica and drains the inbox at the start of each step. A frame
 * from the network that finds the session thread idle runs right on the thread that read it ({@link #deliver}).
 * Whoever runs replica work holds {@link #ownership}, so it runs on one thread at a time, in arrival order.
 * Thread rule: {@link #post}, {@link #deliver}, {@link #runOrPost}, {@link #release}, {@link #shutdown} and the
 * queries from any thread; {@link #step} on the stepping thread; timers, frames and {@link #handToCaller} on the
 * replica's current owner.
 */
final class ReplicaOwner {

    private final String sessionName;
    /** Before each task: the VM checks its owner thread, and the owner may have changed since the last one. */
    private final Runnable adopt;
    /** Work for the replica's owner; FIFO. */
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    /** Held while anyone runs replica work, so a step, the session thread and a delivery never overlap. */
    private final ReentrantLock ownership = new ReentrantLock();
    private final OwnerLoop loop;
    /** MANUAL after the first join: {@link #step} callers, not the session thread, run the inbox. */
    private volatile boolean callerOwned;
    /** The thread stepping a MANUAL session, claimed by the first step after the join. */
    private volatile Thread owner;
    /** The thread running a {@link #deliver}ed frame right now; only ever compared with the current thread. */
    private Thread deliverer;
    /** AUTO once joined: true when the views have events waiting for a frame; asked after each piece of work. */
    private volatile BooleanSupplier frameWork;

    /** Starts the session thread {@code threadName}; {@code adopt} moves the VM to the thread about to run. */
    ReplicaOwner(String threadName, String sessionName, Runnable adopt) {
        this.sessionName = sessionName;
        this.adopt = adopt;
        this.loop = new OwnerLoop(threadName, this::runInboxOnLoop, () -> !callerOwned && !inbox.isEmpty());
    }

    /**
     * Queues {@code task} for the replica's owner: the session thread, or in MANUAL after the join the next
     * step. Returns false once the session ended (late events are dropped).
     */
    boolean post(Runnable task) {
        if (loop.isShutdown()) {
            return false;
        }
        inbox.add(task);
        if (!callerOwned) {
            loop.wake();
        }
        return true;
    }

    /**
     * A network frame's {@code task}: runs right here when the session thread owns the replica and is idle
     * (nothing queued, nothing running), else is posted as by {@link #post}. On a 2-core machine with ten
     * sessions, waking each session's thread for each frame cost more than running the frame: the thread that
     * read it is already awake. Returns false once the session ended.
     */
    boolean deliver(Runnable task) {
        if (callerOwned || loop.isShutdown() || !inbox.isEmpty() || !ownership.tryLock()) {
            return post(task);
        }
        try {
            // Checked again under the lock: what was queued meanwhile (by another thread) runs first.
            if (callerOwned || !inbox.isEmpty()) {
                return post(task);
            }
            deliverer = Thread.currentThread();
            adopt.run();
            task.run();
            requestFrameIfWanted();
            return true;
        } finally {
            deliverer = null;
            ownership.unlock();
        }
    }

    /**
     * True while the current thread runs a {@link #deliver}ed frame: it is a network thread that other
     * sessions share, so long work should continue on the session thread.
     */
    boolean delivering() {
        return deliverer == Thread.currentThread();
    }

    /** Runs {@code task} right here when called by the MANUAL stepping thread, else posts it; as {@link #post}. */
    boolean runOrPost(Runnable task) {
        if (callerOwned && Thread.currentThread() == owner) {
            ownership.lock();
            try {
                task.run();
            } finally {
                ownership.unlock();
            }
            return true;
        }
        return post(task);
    }

    /** Runs {@code task} on the replica's owner after {@code delayMs}; see {@link OwnedTimer}. */
    OwnedTimer schedule(Runnable task, long delayMs) {
        OwnedTimer timer = new OwnedTimer();
        Runnable guarded = timer.guard(task);
        timer.bind(Threads.TIMER.schedule(() -> post(guarded), delayMs, TimeUnit.MILLISECONDS));
        return timer;
    }

    OwnedTimer scheduleAtFixedRate(Runnable task, long periodMs) {
        OwnedTimer timer = new OwnedTimer();
        Runnable guarded = timer.guard(task);
        timer.bind(Threads.TIMER.scheduleAtFixedRate(() -> post(guarded), periodMs, periodMs, TimeUnit.MILLISECONDS));
        return timer;
    }

    /**
     * MANUAL: runs the tasks queued before this step, then {@code work} unless ownership went back to the
     * session thread meanwhile; does nothing while the first join still runs on the session thread.
     */
    void step(Runnable work) {
        if (!callerOwned) {
            return; // joining: the session thread owns the replica until the join completes
        }
        ownership.lock();
        try {
            claim();
            adopt.run();
            runInbox(inbox.size());
            if (callerOwned) {
                work.run();
            }
        } finally {
            ownership.unlock();
        }
    }

    /** True while a MANUAL stepping thread owns the replica. */
    boolean callerOwned() {
        return callerOwned;
    }

    /** MANUAL, at the end of the first join: from now on steps run the replica's work. */
    void handToCaller() {
        callerOwned = true;
    }

    /**
     * MANUAL: gives the replica back to the session thread. On the stepping thread {@code onStepper} runs right
     * here; from another thread this waits for a running step.
     */
    void release(Runnable onStepper) {
        ownership.lock();
        try {
            if (!callerOwned) {
                return;
            }
            if (Thread.currentThread() == owner) {
                onStepper.run();
            }
            callerOwned = false;
            owner = null;
        } finally {
            ownership.unlock();
        }
    }

    /**
     * AUTO: runs {@code frame} on the session thread, holding ownership, when it asks to (it returns the
     * milliseconds until it next needs to run, see {@link OwnerLoop#startFrames}) and at most every
     * {@code periodMs} when work leaves {@code frameWork} true.
     */
    void startFrames(long periodMs, LongSupplier frame, BooleanSupplier frameWork) {
        onLoop(() -> {
            this.frameWork = frameWork;
            loop.startFrames(periodMs, () -> {
                ownership.lock();
                try {
                    adopt.run(); // a delivery may have run on another thread since the last frame
                    return frame.getAsLong();
                } finally {
                    ownership.unlock();
                }
            });
        });
    }

    void stopFrames() {
        onLoop(() -> {
            frameWork = null;
            loop.stopFrames();
        });
    }

    /**
     * Frames belong to the session thread, but a join can finish on the network thread that delivered its last
     * message: there the change is queued for the session thread, in order, and wakes it. (Set from that
     * thread directly, the first frame waited for the next piece of posted work, which an idle session never got.)
     */
    private void onLoop(Runnable change) {
        if (loop.isOwnerThread()) {
            change.run();
        } else {
            inbox.add(change);
            loop.wake();
        }
    }

    /**
     * After work, under ownership: events it left for the views' frame get one soon. This is what lets an idle
     * session's thread sleep between frames, and a frame from the network not wake it at all.
     */
    private void requestFrameIfWanted() {
        BooleanSupplier wanted = frameWork;
        if (wanted != null && wanted.getAsBoolean()) {
            loop.requestFrame();
        }
    }

    /** True on the session thread, and on a thread running a {@link #deliver}ed frame. */
    boolean isLoopThread() {
        return loop.isOwnerThread() || delivering();
    }

    /** The session thread stops once the work queued so far has run. */
    void shutdown() {
        loop.shutdown();
    }

    private void claim() {
        Thread me = Thread.currentThread();
        if (owner == null) {
            owner = me;
        } else if (owner != me) {
            throw new IllegalStateException("Session.step called on thread \"" + me.getName() + "\", but session "
                    + sessionName + " is stepped by \"" + owner.getName() + "\"; call step from one thread only");
        }
    }

    /** Runs at most {@code max} queued tasks (what arrived before this step), stopping if the owner changes. */
    private void runInbox(int max) {
        for (int i = 0; i < max && callerOwned; i++) {
            Runnable task = inbox.poll();
            if (task == null) {
                return;
            }
            task.run();
        }
    }

    private void runInboxOnLoop() {
        ownership.lock();
        try {
            for (Runnable task = callerOwned ? null : inbox.poll(); task != null;
                    task = callerOwned ? null : inbox.poll()) {
                adopt.run(); // back from a MANUAL owner after leave(), or from a delivery
                task.run();
            }
            requestFrameIfWanted();
        } finally {
            ownership.unlock();
        }
    }
}
