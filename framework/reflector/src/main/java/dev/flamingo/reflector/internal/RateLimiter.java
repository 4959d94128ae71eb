package dev.flamingo.reflector.internal;

/** Token bucket of frames per second for one connection, refilled continuously. Channel event loop only. */
final class RateLimiter {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    RateLimiter(int perSecond, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.capacity = perSecond;
        this.tokens = perSecond;
        this.last = nowNanos;
    }

    /** Takes one token; false when the connection is over its rate. */
    boolean tryAcquire(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
