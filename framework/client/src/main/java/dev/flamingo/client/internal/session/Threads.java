package dev.flamingo.client.internal.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's shared daemon threads: one timer for all sessions (keep-alive checks, reconnect delays and the
 * sessions' timers, which only queue work for their owner), workers for blocking I/O. Any thread.
 */
final class Threads {

    /** Keep-alive checks, reconnect delays and timers of every session. */
    static final ScheduledExecutorService TIMER = timer();
    /** Downloads, uploads, sealing: blocking work kept off the session threads. */
    static final ExecutorService WORKERS = Executors.newCachedThreadPool(named("flamingo-worker"));

    private Threads() {
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("flamingo-timer"));
        timer.setRemoveOnCancelPolicy(true); // sessions cancel many timers (join timeouts, local ticks) early
        return timer;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
