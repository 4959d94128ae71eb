package dev.flamingo.client.internal.session;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.SessionProblem;
import dev.flamingo.client.Tps;
import dev.flamingo.client.internal.net.CloseCodes;
import dev.flamingo.client.internal.wire.Inbound;
import dev.flamingo.client.internal.wire.ReflectedMessage;
import dev.flamingo.core.vm.VirtualMachine;
import java.util.ArrayDeque;

/**
 * The reflector's ordered message stream into the VM: each message is converted and scheduled once, in uint32
 * sequence order (queued while there is no VM yet); the reflector's time advances with messages, ticks and
 * Croquet's local ticks between them; and a new SYNC is checked for continuing the stream without a gap.
 * Confined to the replica's owner, except {@link #latency} (any thread).
 */
final class ReflectorStream {

    private static final double EXTERNAL_MESSAGE_CPU_PENALTY_MS = 5;

    private final Controller c;
    private final Tps tps;
    private final ArrayDeque<ReflectedMessage> pending = new ArrayDeque<>();
    private MessageConverter converter;
    private String timeline;
    private long lastSeq = -1;
    private long reflectorTime;
    private long lastReflectorTime;
    private long lastReceivedWall;
    private OwnedTimer localTicks;
    private volatile long latency;

    ReflectorStream(Controller controller) {
        this.c = controller;
        this.tps = controller.parameters().tps();
    }

    /** Any frame arrived: the reflector's time is extrapolated from here. */
    void heard() {
        lastReceivedWall = Controller.wallMs();
    }

    /** A SYNC arrived (before deciding whether it continues this stream). */
    void syncArrived(Inbound.Sync sync) {
        lastReflectorTime = Math.max(lastReflectorTime, sync.time());
    }

    /**
     * True when {@code sync} is on this timeline with no gap, its clock has not gone back, and it has not
     * announced our own departure (Croquet's rules for a seamless rejoin).
     */
    boolean continues(Inbound.Sync sync) {
        if (timeline == null || !timeline.equals(sync.timeline()) || sync.time() < reflectorTime) {
            return false;
        }
        long firstAvailable = sync.messages().isEmpty() ? next(sync.seq()) : sync.messages().get(0).seq();
        if (!inSequence(firstAvailable, next(lastSeq)) || !inSequence(lastSeq, sync.seq())) {
            return false;
        }
        for (ReflectedMessage m : sync.messages()) {
            if (inSequence(next(lastSeq), m.seq()) && "users".equals(m.what()) && m.meta().has("left")
                    && m.meta().get("left").toString().contains("\"" + c.viewId() + "\"")) {
                return false; // the reflector already announced our departure to everyone
            }
        }
        return true;
    }

    /** Continues after a seamless rejoin: schedules what the VM has not seen yet. */
    void resume(Inbound.Sync sync) {
        c.debug(DebugFlag.SESSION, () -> "seamless rejoin at seq " + Long.toHexString(lastSeq));
        for (ReflectedMessage m : sync.messages()) {
            ingest(m);
        }
        reflectorTime = Math.max(reflectorTime, sync.time());
    }

    /** Starts over from {@code sync}: its messages wait for the VM restored from its snapshot. */
    void restart(Inbound.Sync sync) {
        timeline = sync.timeline();
        reflectorTime = sync.time();
        pending.clear();
        pending.addAll(sync.messages());
    }

    /** The VM was restored: the stream continues after its last external message. */
    void attach(VirtualMachine vm, MessageConverter messages) {
        converter = messages;
        lastSeq = vm.externalSeq();
    }

    /** Schedules the messages queued since the SYNC; returns how many. */
    int drainPending() {
        int queued = pending.size();
        while (!pending.isEmpty()) {
            ingest(pending.poll());
        }
        return queued;
    }

    /** A RECV: schedules the message and advances the reflector's time to it. */
    void recv(ReflectedMessage m) {
        c.debug(DebugFlag.MESSAGES, () -> "RECV " + m.time() + " " + Long.toHexString(m.seq())
                + (m.isMeta() ? " " + m.meta() : ""));
        ingest(m);
        time(m.time(), false);
    }

    /** A TICK: the reflector's time advances with no message. */
    void tick(long time) {
        c.debug(DebugFlag.TICKS, () -> "tick " + time);
        time(time, true);
    }

    private void time(long time, boolean tick) {
        lastReflectorTime = Math.max(lastReflectorTime, time);
        reflectorTime = Math.max(reflectorTime, time);
        OwnedTimer.cancelIfSet(localTicks);
        if (tick && tps.multiplier() > 1) {
            startLocalTicks(time);
        }
        c.simulation().afterInput();
    }

    /** Croquet's {@code multiplyTick}: M - 1 evenly spaced local ticks until the next reflector tick. */
    private void startLocalTicks(long tickTime) {
        long[] n = {0};
        double every = tps.localTickMs();
        localTicks = c.owner().scheduleAtFixedRate(() -> {
            n[0]++;
            reflectorTime = Math.max(reflectorTime, tickTime + Math.round(n[0] * every));
            c.debug(DebugFlag.TICKS, () -> "local tick " + reflectorTime);
            if (n[0] >= tps.multiplier() - 1) {
                OwnedTimer.cancelIfSet(localTicks);
            }
            c.simulation().afterInput();
        }, Math.round(every));
    }

    private void ingest(ReflectedMessage m) {
        VirtualMachine vm = c.vm();
        if (vm == null) {
            pending.add(m);
            return;
        }
        if (!inSequence(next(lastSeq), m.seq())) {
            return; // already scheduled before a seamless rejoin
        }
        MessageConverter.Converted converted = converter.convert(m);
        try {
            vm.schedule(converted.time(), converted.seq(), converted.message());
        } catch (IllegalArgumentException e) {
            // Croquet closes with 4000 on a sequence error; the replica cannot continue, so reboot.
            c.problem(new SessionProblem.Warning("reflector stream broken (" + e.getMessage() + "); rebooting"));
            c.tearDown();
            c.link().connection().drop(CloseCodes.CLIENT_ERROR, "sequence error");
            return;
        }
        lastSeq = m.seq();
        c.snapshots().spent(EXTERNAL_MESSAGE_CPU_PENALTY_MS);
        c.snapshots().scheduled(converted);
        if (converted.rejection() != null) {
            c.problem(new SessionProblem.MessageRejected(m.seq(), converted.rejection()));
        }
        Payload payload = converted.payload();
        if (payload != null && c.viewId().equals(payload.viewId())) {
            latency = Controller.wallMs() - payload.sendTime();
        }
    }

    /** The reflector's time as far as messages and (local) ticks told. */
    long reflectorTime() {
        return reflectorTime;
    }

    /** Raises the reflector's time to at least {@code time}. */
    void reachedAtLeast(long time) {
        reflectorTime = Math.max(reflectorTime, time);
    }

    /** The reflector's time now, extrapolated from the last frame while connected. */
    double extrapolatedTime(long now, boolean connected) {
        return lastReflectorTime + (connected ? now - lastReceivedWall : 0);
    }

    /** Round trip of this client's last message, ms. */
    long latency() {
        return latency;
    }

    /** The replica was torn down: forget the VM's position; the next SYNC starts over. */
    void reset() {
        OwnedTimer.cancelIfSet(localTicks);
        converter = null;
        pending.clear();
        lastSeq = -1;
    }

    // ---- uint32 sequence helpers (Croquet's inSequence) ----

    static long next(long seq) {
        return (seq + 1) & 0xFFFFFFFFL;
    }

    static boolean inSequence(long a, long b) {
        return (int) (b - a) >= 0;
    }
}
