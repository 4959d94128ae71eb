package dev.flamingo.client.internal.session;

import java.util.concurrent.ScheduledFuture;

/**
 * A delayed task of the session that runs on the thread owning the replica: the timer thread only posts it,
 * so in {@code Step.MANUAL} it runs inside the next {@code step}. Cancelling also stops a task that already
 * fired but still waits in the queue. Thread rule: create, cancel and run on the owning thread only.
 */
final class OwnedTimer {

    private ScheduledFuture<?> future;
    private boolean cancelled;
    private boolean ran;

    /** Runs {@code task} unless cancelled meanwhile; the owner posts this when the delay is over. */
    Runnable guard(Runnable task) {
        return () -> {
            if (!cancelled) {
                ran = true;
                task.run();
            }
        };
    }

    void bind(ScheduledFuture<?> scheduled) {
        this.future = scheduled;
    }

    /** Stops the task, whether it is still waiting for its delay or already queued. */
    void cancel(boolean ignored) {
        cancelled = true;
        if (future != null) {
            future.cancel(false);
        }
    }

    /** Cancels {@code timer} unless it is null (never scheduled). */
    static void cancelIfSet(OwnedTimer timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** True once the (one-shot) task ran or was cancelled. */
    boolean isDone() {
        return cancelled || ran;
    }
}
