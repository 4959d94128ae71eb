package dev.flamingo.client.internal.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The client's shared daemon threads: one timer for all connections, workers for blocking I/O. Any thread. */
final class Threads {

    /** Keep-alive checks and reconnect delays of every session. */
    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(named("flamingo-timer"));
    /** Downloads, uploads, sealing: blocking work kept off the session threads. */
    static final ExecutorService WORKERS = Executors.newCachedThreadPool(named("flamingo-worker"));

    private Threads() {
    }

    /** A session's own thread: models and views live here. */
    static ScheduledThreadPoolExecutor sessionLoop(String name) {
        ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1, named(name));
        loop.setRemoveOnCancelPolicy(true);
        return loop;
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
