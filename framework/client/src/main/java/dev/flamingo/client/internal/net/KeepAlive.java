package dev.flamingo.client.internal.net;

/**
 * Croquet's liveness rule, checked every 100 ms: send PULSE when nothing was sent for 25 s (the reflector drops
 * clients quiet for 60 s), and reconnect when nothing was received for 50 s (ticks arrive at least every
 * 30 s, so the reflector is gone). Stateless; any thread.
 */
public final class KeepAlive {

    /** Nothing sent for this long: send PULSE. */
    public static final long PULSE_AFTER_MS = 25_000;
    /** Nothing received for this long: the reflector has gone away. */
    public static final long DEAD_AFTER_MS = 50_000;

    /** What the connection should do now. */
    public enum Action {
        /** All is well. */
        NONE,
        /** Send a PULSE. */
        PULSE,
        /** Close and reconnect. */
        RECONNECT
    }

    private KeepAlive() {
    }

    /** Decides from the times (ms, same clock) of the last frame sent and received. */
    public static Action check(long now, long lastSent, long lastReceived) {
        if (now - lastReceived >= DEAD_AFTER_MS) {
            return Action.RECONNECT;
        }
        return now - lastSent >= PULSE_AFTER_MS ? Action.PULSE : Action.NONE;
    }
}
