package dev.flamingo.client.internal.net;

import dev.flamingo.client.internal.wire.ChunkAssembler;
import dev.flamingo.client.internal.wire.Inbound;
import dev.flamingo.client.internal.wire.InboundDecoder;
import dev.flamingo.client.internal.wire.ProtocolException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps a session linked to its reflector across transports: reassembles chunks, decodes frames, reconnects
 * with {@link Backoff} after transient closes, stops on fatal ones, and runs the {@link KeepAlive} check.
 *
 * <p>Each attempt gets a generation number; events from an older transport are ignored, so a late close of
 * a dead socket cannot disturb its successor. Thread-safe; listener calls arrive on transport and timer
 * threads, one at a time per attempt.
 */
public final class ReflectorConnection {

    /** Receives connection events. */
    public interface Listener {
        /** A transport opened; send JOIN through {@link #send}. */
        void connected();

        /** A decoded frame. */
        void received(Inbound frame);

        /** A frame broke the protocol; the connection drops and reconnects after this. */
        void protocolError(ProtocolException error);

        /** The link closed; {@code reconnecting} tells whether another attempt is scheduled. */
        void disconnected(int code, String reason, CloseCodes.Kind kind, boolean reconnecting);
    }

    private static final long KEEP_ALIVE_PERIOD_MS = 100;

    private final Supplier<Transport> transports;
    private final Listener listener;
    private final ScheduledExecutorService timer;
    private final LongSupplier clockMs;
    private final String pulseFrame;
    private final Backoff backoff;
    private Transport transport;
    private int generation;
    private boolean stopped;
    /** Asleep (autoSleep): no transport and no retries until {@link #wake()}. */
    private boolean dormant;
    private volatile long lastSent;
    private volatile long lastReceived;
    private ScheduledFuture<?> keepAlive;
    private ScheduledFuture<?> retry;

    /** Creates a connection that opens transports from {@code transports} and pulses with {@code pulseFrame}. */
    public ReflectorConnection(Supplier<Transport> transports, Listener listener, ScheduledExecutorService timer,
            LongSupplier clockMs, DoubleSupplier random, String pulseFrame) {
        this.transports = transports;
        this.listener = listener;
        this.timer = timer;
        this.clockMs = clockMs;
        this.pulseFrame = pulseFrame;
        this.backoff = new Backoff(random);
    }

    /** Opens the first transport and starts the keep-alive check. */
    public synchronized void start() {
        if (keepAlive != null) {
            throw new IllegalStateException("connection already started");
        }
        startKeepAlive();
        attempt();
    }

    private void startKeepAlive() {
        keepAlive = timer.scheduleWithFixedDelay(this::checkAlive, KEEP_ALIVE_PERIOD_MS, KEEP_ALIVE_PERIOD_MS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Goes dormant (Croquet's autoSleep): closes the transport with 4110 and makes no further attempts until
     * {@link #wake()}. The listener hears the disconnect at once, as {@link CloseCodes.Kind#DORMANT}; the
     * transport's own close report is ignored, so it cannot race a wake.
     */
    public void sleep() {
        Transport t;
        synchronized (this) {
            if (dormant || stopped) {
                return;
            }
            dormant = true;
            generation++;
            t = transport;
            transport = null;
            cancelTimers();
        }
        if (t != null) {
            t.close(CloseCodes.DORMANT, "Going dormant");
        }
        listener.disconnected(CloseCodes.DORMANT, "Going dormant", CloseCodes.Kind.DORMANT, false);
    }

    /** Ends dormancy: connects again at once (a new JOIN follows), unless closed for good meanwhile. */
    public synchronized void wake() {
        if (!dormant || stopped) {
            return;
        }
        dormant = false;
        backoff.reset();
        startKeepAlive();
        attempt();
    }

    /** Sends a frame; false when no transport is open (the caller buffers). */
    public boolean send(String frame) {
        Transport t;
        synchronized (this) {
            t = transport;
        }
        boolean sent = t != null && t.send(frame);
        if (sent) {
            lastSent = clockMs.getAsLong();
        }
        return sent;
    }

    /** The session is established (SYNC arrived): the next disconnect retries immediately again. */
    public synchronized void joined() {
        backoff.reset();
    }

    /** Closes the current transport with a transient code; a new attempt follows after the backoff. */
    public void drop(int code, String reason) {
        Transport t;
        synchronized (this) {
            t = transport;
        }
        if (t != null) {
            t.close(code, reason);
        }
    }

    /** Closes for good (leave, or a fatal client error): no further attempts. */
    public void close(int code, String reason) {
        Transport t;
        synchronized (this) {
            stopped = true;
            t = transport;
            cancelTimers();
        }
        if (t != null) {
            t.close(code, reason);
        }
    }

    private synchronized void attempt() {
        if (stopped || dormant) {
            return;
        }
        int mine = ++generation;
        transport = transports.get();
        long now = clockMs.getAsLong();
        lastSent = now;
        lastReceived = now;
        transport.open(new Attempt(mine));
    }

    private void checkAlive() {
        KeepAlive.Action action = KeepAlive.check(clockMs.getAsLong(), lastSent, lastReceived);
        if (action == KeepAlive.Action.PULSE) {
            send(pulseFrame);
        } else if (action == KeepAlive.Action.RECONNECT) {
            drop(CloseCodes.CLIENT_ERROR, "reflector has gone away: nothing received for "
                    + KeepAlive.DEAD_AFTER_MS / 1000 + " s");
        }
    }

    private void onClosed(int mine, int code, String reason) {
        CloseCodes.Kind kind = CloseCodes.kind(code);
        boolean reconnecting;
        synchronized (this) {
            if (mine != generation) {
                return;
            }
            transport = null;
            reconnecting = !stopped && kind == CloseCodes.Kind.RECONNECT;
            if (!reconnecting) {
                // 4110 from the other side also waits for a wake; every other code ends the session.
                dormant = kind == CloseCodes.Kind.DORMANT;
                stopped = !dormant;
                cancelTimers();
            }
        }
        // The listener hears of the close before the retry is scheduled: a retry after a zero backoff could
        // otherwise open, join and deliver the next SYNC before this thread got to report the close.
        listener.disconnected(code, reason, kind, reconnecting);
        if (reconnecting) {
            scheduleRetry(mine);
        }
    }

    /** Schedules the next attempt, unless a sleep, wake or close came in since attempt {@code mine} closed. */
    private synchronized void scheduleRetry(int mine) {
        if (mine == generation && !stopped && !dormant) {
            retry = timer.schedule(this::attempt, backoff.next(), TimeUnit.MILLISECONDS);
        }
    }

    private void cancelTimers() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (retry != null) {
            retry.cancel(false);
        }
    }

    private synchronized boolean current(int mine) {
        return mine == generation && !stopped;
    }

    private final class Attempt implements Transport.Listener {

        private final int mine;
        private final ChunkAssembler chunks = new ChunkAssembler();

        Attempt(int mine) {
            this.mine = mine;
        }

        @Override
        public void opened() {
            if (current(mine)) {
                listener.connected();
            }
        }

        @Override
        public void received(String text) {
            if (!current(mine)) {
                return;
            }
            lastReceived = clockMs.getAsLong();
            try {
                String frame = chunks.accept(text);
                if (frame != null) {
                    listener.received(InboundDecoder.decode(frame));
                }
            } catch (ProtocolException e) {
                listener.protocolError(e);
                drop(CloseCodes.CLIENT_ERROR, "protocol error: " + e.getMessage());
            }
        }

        @Override
        public void closed(int code, String reason) {
            onClosed(mine, code, reason);
        }
    }
}
