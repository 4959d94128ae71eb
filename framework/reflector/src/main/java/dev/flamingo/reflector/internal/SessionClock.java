package dev.flamingo.reflector.internal;

/**
 * A session's time: integer ms on {@link System#nanoTime()}, scaled, resumable from a stored time, and
 * never going backwards. Owned by the session's executor.
 */
final class SessionClock {
    private static final double MIN_SCALE = 1.0 / 64;
    private static final double MAX_SCALE = 64;
    private final long createdNanos = System.nanoTime();
    private long originNanos;
    private long originTime;
    private double scale;
    private long last;

    SessionClock(long resumeAt, double scale) {
        this.originNanos = createdNanos;
        this.originTime = resumeAt;
        this.last = resumeAt;
        this.scale = clamp(scale);
    }

    /** The current session time, at least every value returned before. */
    long now() {
        long t = originTime + (long) Math.floor((System.nanoTime() - originNanos) / 1e6 * scale);
        last = Math.max(last, t);
        return last;
    }

    /** Unscaled ms since this clock was created (Croquet's {@code rawtime}). */
    long raw() {
        return (System.nanoTime() - createdNanos) / 1_000_000;
    }

    /** Changes the scale from now on, continuing from the current time. Returns the clamped scale. */
    double rescale(double newScale) {
        originTime = now();
        originNanos = System.nanoTime();
        scale = clamp(newScale);
        return scale;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
