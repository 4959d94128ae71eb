package dev.flamingo.client.internal.send;

import dev.flamingo.client.PayloadTooLargeException;
import dev.flamingo.client.SendRateExceededException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Croquet's send pacing (reference §2.4): at most {@code eventRateLimit} sends a second once synced; events
 * that come sooner wait in bundles of about 4 KiB, one bundle per gap. A full buffer ({@code eventRateLimit}
 * bundles) refuses further events with {@link SendRateExceededException}; an event over 16 KiB is refused
 * with {@link PayloadTooLargeException}. Time is passed in, so the class is a pure state machine.
 * Confined to the session thread.
 *
 * @param <T> the event type
 */
public final class SendLimiter<T> {

    /** Largest encoded event, in bytes. */
    public static final int PAYLOAD_LIMIT = 16 * 1024;
    /** A bundle takes more events while its total is below this. */
    public static final int BUNDLE_TARGET = 4 * 1024;

    private final int eventRateLimit;
    private final double minGapMs;
    private final ArrayDeque<Bundle<T>> waiting = new ArrayDeque<>();
    private double lastSend = Double.NEGATIVE_INFINITY;

    /** Creates a limiter for {@code eventRateLimit} sends a second (1..60). */
    public SendLimiter(int eventRateLimit) {
        if (eventRateLimit < 1 || eventRateLimit > 60) {
            throw new IllegalArgumentException("eventRateLimit must be 1..60, got " + eventRateLimit);
        }
        this.eventRateLimit = eventRateLimit;
        this.minGapMs = 1000.0 / eventRateLimit;
    }

    /**
     * Offers an event named {@code what} whose encoding takes {@code size} bytes; returns the bundle to send
     * now, or null when it was queued. The gap is enforced only when {@code paced} (Croquet: once synced).
     */
    public List<T> offer(String what, T event, int size, long now, boolean paced) {
        if (size > PAYLOAD_LIMIT) {
            throw new PayloadTooLargeException(what, size, PAYLOAD_LIMIT);
        }
        if (!paced || (waiting.isEmpty() && now - lastSend >= minGapMs)) {
            lastSend = now;
            return List.of(event);
        }
        Bundle<T> last = waiting.peekLast();
        if (last == null || last.bytes >= BUNDLE_TARGET) {
            if (waiting.size() >= eventRateLimit) {
                throw new SendRateExceededException(eventRateLimit, waiting.size());
            }
            last = new Bundle<>();
            waiting.addLast(last);
        }
        last.add(event, size);
        return null;
    }

    /** Returns the next bundle if its gap has passed, else null; call on every step and from a timer. */
    public List<T> service(long now) {
        if (waiting.isEmpty() || now - lastSend < minGapMs) {
            return null;
        }
        lastSend = now;
        return waiting.pollFirst().events;
    }

    /** When {@link #service} can next return a bundle (ms), or -1 when nothing waits. */
    public long nextDue() {
        return waiting.isEmpty() ? -1 : (long) Math.ceil(lastSend + minGapMs);
    }

    /** Number of bundles waiting. */
    public int waitingBundles() {
        return waiting.size();
    }

    private static final class Bundle<T> {
        final List<T> events = new ArrayList<>();
        int bytes;

        void add(T event, int size) {
            events.add(event);
            bytes += size;
        }
    }
}
