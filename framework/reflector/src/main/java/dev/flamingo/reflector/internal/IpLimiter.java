package dev.flamingo.reflector.internal;

import java.util.concurrent.ConcurrentHashMap;

/** Counts open sockets per remote address and refuses those over the limit. Any thread. */
final class IpLimiter {
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final int max;

    IpLimiter(int max) {
        this.max = max;
    }

    boolean tryAcquire(String ip) {
        boolean[] ok = {false};
        open.compute(ip, (k, n) -> {
            int current = n == null ? 0 : n;
            ok[0] = current < max;
            return ok[0] ? current + 1 : n;
        });
        return ok[0];
    }

    void release(String ip) {
        open.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
    }
}
