package dev.flamingo.benchmarks.client;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.core.Registry;
import dev.flamingo.reflector.ReflectorServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Load generator: N headless clients on one in-process reflector (loopback); pings are published round-robin
 * from the clients' views at a steady rate, and for each ping the time from the publish to its model handler
 * having run on every replica is recorded. Usage: {@code PublishLatency [clients,...] [pings] [intervalMs]},
 * default {@code 2,10,50 2000 10}.
 */
public final class PublishLatency {

    private static final Registry REGISTRY = Registry.builder().register("bench.Echo", EchoModel.class).build();

    private PublishLatency() {
    }

    public static void main(String[] args) throws Exception {
        String[] counts = (args.length > 0 ? args[0] : "2,10,50").split(",");
        int pings = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long intervalMs = args.length > 2 ? Long.parseLong(args[2]) : 10;
        for (String count : counts) {
            run(Integer.parseInt(count.strip()), pings, intervalMs);
        }
        System.exit(0);
    }

    private static void run(int clients, int pings, long intervalMs) throws Exception {
        try (ReflectorServer server = ReflectorServer.builder().host("127.0.0.1").port(0).build().start()) {
            Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            int warmup = pings / 4;
            ConcurrentHashMap<Long, long[]> seen = new ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(pings);
            EchoView.Sink sink = (id, sent, handled) -> {
                long[] state = seen.computeIfAbsent(id, k -> new long[2]);
                synchronized (state) {
                    state[0]++;
                    state[1] = Math.max(state[1], handled - sent);
                    if (state[0] == clients) {
                        if (id >= warmup) {
                            histogram.recordValue(state[1]);
                        }
                        seen.remove(id);
                        done.countDown();
                    }
                }
            };
            List<Session> sessions = join(server, clients, sink);
            AtomicLong nextId = new AtomicLong();
            for (int i = 0; i < pings; i++) {
                Session s = sessions.get(i % clients);
                long id = nextId.getAndIncrement();
                s.submit(() -> {
                    ((EchoView) s.view()).ping(id);
                    return null;
                });
                // Relative pacing: after a stall the pings do not bunch up, so the send rate limit never queues
                // them and what is measured is the path, not the pacing.
                long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMs);
                for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            if (!done.await(60, TimeUnit.SECONDS)) {
                System.out.println(clients + " clients: only " + (pings - done.getCount()) + " of " + pings + " pings completed");
            }
            report(clients, pings - warmup, intervalMs, histogram);
            for (Session s : sessions) {
                s.leave().get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static List<Session> join(ReflectorServer server, int clients, EchoView.Sink sink) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(Session.join(JoinParameters.builder()
                    .appId("dev.flamingo.bench").name("latency-" + clients).password("bench")
                    .registry(REGISTRY).model(EchoModel.class)
                    .view((model, options) -> new EchoView(model, sink))
                    .eventRateLimit(60)
                    .snapshotAfterCpuMs(Long.MAX_VALUE / 2)
                    .box(server.httpUri())
                    .build()).get(60, TimeUnit.SECONDS));
        }
        return sessions;
    }

    private static void report(int clients, int measured, long intervalMs, Histogram h) {
        System.out.printf(Locale.ROOT, "publish->handled on all %d replicas: %d pings (1 per %d ms): p50 %.3f ms, "
                        + "p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", clients, measured, intervalMs,
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6);
    }
}
