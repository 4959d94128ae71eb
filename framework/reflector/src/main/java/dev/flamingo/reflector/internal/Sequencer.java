package dev.flamingo.reflector.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A session's single writer of order: stamps each message with the session clock and the next uint32
 * seq (overwriting only [0] and [1]), appends it to the retained messages and the journal, and queues its
 * RECV; holds batches until {@code lastTick + delay} for the NxM tick multiplier; and sends TICKs only
 * into silence, {@code tick} ms after the last message or tick, skipping backlogged clients. Times
 * shown to clients are leased in the journal so a resumed clock never goes backwards. Owned by the
 * session's executor.
 */
final class Sequencer {
    private final Session session;
    private final SessionState st;
    private final Journal journal;
    private final Outbox outbox;
    private final SessionServices services;
    private SessionClock clock;
    private ScheduledFuture<?> ticker;
    private long lastActivityNanos = System.nanoTime();
    private long lastTick;
    private List<Submission> delayed;

    /** Set by {@link #stop()}. */
    private boolean stopped;

    Sequencer(Session session, Journal journal, Outbox outbox, SessionServices services) {
        this.session = session;
        this.st = session.st;
        this.journal = journal;
        this.outbox = outbox;
        this.services = services;
    }

    /** Starts (or resumes) the session clock at {@code time}. */
    void startClock(long time, double scale) {
        clock = new SessionClock(time, scale);
    }

    long now() {
        return clock.now();
    }

    long raw() {
        return clock.raw();
    }

    double rescale(double scale) {
        return clock.rescale(scale);
    }

    /**
     * Ends sequencing for good (shutdown, unload, expiry): what arrives later is neither journalled nor
     * relayed. A tally, a users batch or a frame can still be due after the session persisted and closed
     * its journal; stamped then, it was appended to a closed journal (whose buffer nothing ever released)
     * and relayed without being stored.
     */
    void stop() {
        stopped = true;
        stopTicker();
        delayed = null;
    }

    /** Stamps and relays a batch, or holds it until {@code lastTick + delay} (the NxM tick multiplier). */
    void submit(List<Submission> batch) {
        if (stopped) {
            return;
        }
        long time = clock.now();
        if (st.delayMs > 0) {
            if (delayed != null) {
                delayed.addAll(batch);
                return;
            }
            double wait = lastTick + st.delayMs - time;
            if (wait > 0) {
                delayed = new ArrayList<>(batch);
                stopTicker();
                session.executor.schedule(() -> session.guarded(null, this::releaseDelayed), (long) Math.ceil(wait),
                        TimeUnit.MILLISECONDS);
                return;
            }
        }
        stampAll(batch, time);
    }

    private void releaseDelayed() {
        if (delayed == null) {
            return; // stopped meanwhile
        }
        List<Submission> batch = delayed;
        delayed = null;
        stampAll(batch, clock.now());
    }

    private void stampAll(List<Submission> batch, long time) {
        boolean rawtime = Json.truthy(st.flags.get("rawtime"));
        for (Submission message : batch) {
            stamp(message, time, rawtime);
        }
        services.metrics().messagesRelayed.add(batch.size());
        lastActivityNanos = System.nanoTime();
        ensureTicker();
    }

    /** Puts [0] and [1] in front (and the last slot under rawtime), journals, then queues RECV. */
    private void stamp(Submission message, long time, boolean rawtime) {
        st.seq++;
        st.time = time;
        String json = message.stamped(time, Integer.toUnsignedLong(st.seq), rawtime, rawtime ? clock.raw() : 0);
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        st.messages.add(st.seq, utf8);
        journal.message(utf8);
        outbox.broadcastRecv(json, utf8, session.clients());
    }

    /** A message the reflector makes up ({@code users}, {@code tally}): {@code [0, 0, {what..., _size}]}. */
    void submitReflectorMessage(JsonObject payload) {
        payload.addProperty("_size", payload.toString().length());
        JsonArray message = new JsonArray();
        message.add(0);
        message.add(0);
        message.add(payload);
        if (Json.truthy(st.flags.get("rawtime"))) {
            message.add(0);
        }
        submit(List.of(Submission.of(message)));
    }

    void ensureTicker() {
        if (!stopped && ticker == null && delayed == null && session.activeCount() > 0) {
            ticker = session.executor.schedule(() -> session.guarded(null, this::tick), tickNanos(), TimeUnit.NANOSECONDS);
        }
    }

    void stopTicker() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    /** Fires {@code tick} ms after the last message or tick; ticks only fill silence. */
    private void tick() {
        ticker = null;
        if (stopped || delayed != null || session.activeCount() == 0) {
            return;
        }
        long quiet = System.nanoTime() - lastActivityNanos;
        if (quiet < tickNanos()) {
            ticker = session.executor.schedule(() -> session.guarded(null, this::tick), tickNanos() - quiet, TimeUnit.NANOSECONDS);
            return;
        }
        long time = clock.now();
        st.time = time;
        lastTick = time;
        lease(time);
        lastActivityNanos = System.nanoTime();
        String frame = "{\"id\":\"" + session.id + "\",\"action\":\"TICK\",\"args\":" + time + "}";
        int high = services.config().maxBufferedBytes();
        for (Connection c : session.clients()) {
            if (c.active && !c.gone && !c.backlogged(high)) {
                outbox.send(c, frame);
                services.metrics().ticks.increment();
            }
        }
        ensureTicker();
    }

    private long tickNanos() {
        return (long) (st.tickMs * 1_000_000);
    }

    void lease(long time) {
        if (time > st.timeLease) {
            st.timeLease = time + Session.TIME_LEASE_MS;
            journal.timeLease(st.timeLease);
        }
    }
}
