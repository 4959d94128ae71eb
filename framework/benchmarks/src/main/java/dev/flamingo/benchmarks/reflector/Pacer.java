package dev.flamingo.benchmarks.reflector;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Paces clients that all send at the same rate: one timer per event loop and phase, not per client, whose
 * run writes and flushes its clients' due messages in one pass (each still on its own connection). The
 * clients of one session send at the same instants, and sessions take turns over the send period in whole
 * milliseconds (the event loops' timers round their waits up to milliseconds): sent all at once, 200
 * clients' messages queued behind each other in both processes, and one at a time, unaligned, the two
 * messages of a session no longer reached its clients in one write. {@code -Dloadgen.phaseMicros} narrows the
 * turns (default 1000): io_uring's timers wake on time, and at 200 µs the same 100,000 msg/s measured p50
 * 0.2-0.4 ms instead of 0.7-0.9 ms, with p99 unchanged within the noise. What is due
 * follows the clock, not the number of timer runs, so a late run (a busy machine) sends what it owes,
 * stamped with when each message was due, instead of lowering the rate or hiding the delay. Runs on its
 * event loop; {@link #start} and {@link #stop} on any thread.
 */
final class Pacer implements Runnable {
    private final List<LoadClient> clients;
    private final double perSecond;
    private final long start;
    private final long interval;
    private long sent;
    private ScheduledFuture<?> timer;

    private Pacer(List<LoadClient> clients, double perSecond, long start) {
        this.clients = clients;
        this.perSecond = perSecond;
        this.start = start;
        this.interval = (long) (1e9 / perSecond);
    }

    /**
     * Starts pacing {@code clients} at {@code perSecond} each, {@code perSession} consecutive indexes per
     * session.
     */
    static List<Pacer> start(List<LoadClient> clients, double perSecond, int perSession) {
        long phaseMicros = Long.getLong("loadgen.phaseMicros", 1000);
        long periodMicros = Math.max(phaseMicros, (long) (1e6 / perSecond));
        int phases = (int) (periodMicros / phaseMicros);
        Map<EventLoop, Map<Integer, List<LoadClient>>> byLoop = new LinkedHashMap<>();
        for (LoadClient c : clients) {
            c.startPaced();
            byLoop.computeIfAbsent(c.eventLoop(), l -> new LinkedHashMap<>())
                    .computeIfAbsent((c.index / perSession) % phases, p -> new ArrayList<>()).add(c);
        }
        List<Pacer> pacers = new ArrayList<>();
        byLoop.forEach((loop, byPhase) -> byPhase.forEach((phase, own) -> {
            long offsetMicros = periodMicros * phase / phases;
            // The timer counts its period from the moment it is scheduled, so the schedule does too: a start
            // taken before setting up all timers put every run ~2 ms after the due time of its messages.
            long now = System.nanoTime();
            Pacer p = new Pacer(own, perSecond, now + TimeUnit.MICROSECONDS.toNanos(offsetMicros));
            p.timer = loop.scheduleAtFixedRate(p, periodMicros + offsetMicros, periodMicros, TimeUnit.MICROSECONDS);
            pacers.add(p);
        }));
        return pacers;
    }

    @Override
    public void run() {
        long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond) - sent;
        if (due <= 0) {
            return;
        }
        // Message n (counting from 0) was due at start + (n + 1) / perSecond.
        long firstDue = start + (long) ((sent + 1) * 1e9 / perSecond);
        sent += due;
        for (LoadClient c : clients) {
            c.sendDue((int) due, firstDue, interval);
        }
    }

    void stop() {
        timer.cancel(false);
    }
}
