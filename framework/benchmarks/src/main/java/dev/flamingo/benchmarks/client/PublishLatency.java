package dev.flamingo.benchmarks.client;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.core.Registry;
import dev.flamingo.reflector.ReflectorServer;
import dev.flamingo.reflector.Transport;
import java.lang.management.ManagementFactory;
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
 * having run on every replica is recorded. Usage: {@code PublishLatency [clients,...] [pings] [intervalMs]
 * [warmupSeconds]}, default {@code 2,10,50 2000 10 60}; {@code -Dreflector.transport=auto|io_uring|epoll|nio} picks
 * the reflector's socket transport (default auto) and {@code -Dreflector.ioThreads=N} its event loops (default: one
 * per core). The warm-up publishes unmeasured pings as fast as the
 * send rate limit lets each client go unbundled: with only the paced pings, the send and relay paths (run once
 * per ping) were still running C1 code after thousands of pings, which added 0.1-0.2 ms to the median; and 15 s
 * into a 20 s warm-up, C2 still took a quarter of the CPU samples (0.15-0.2 ms per ping), so the default warm-up
 * is a minute: three pairs of runs measured p50 0.27-0.47 ms after 60 s against 0.30-0.49 ms after 20 s.
 */
public final class PublishLatency {

    private static final long WARMUP_CLIENT_GAP_MS = 20;
    /**
     * Every ping stays in each replica's divergence history (up to 100,000 messages since the last agreed
     * snapshot, and this model never snapshots): 50 replicas in one JVM holding 60,000 each kept 1 GB live
     * and G1's young pauses at 80-130 ms, the whole 50-client p99.
     */
    private static final int MAX_WARMUP_PINGS = 30_000;
    private static final Registry REGISTRY = Registry.builder().register("bench.Echo", EchoModel.class).build();

    private PublishLatency() {
    }

    public static void main(String[] args) throws Exception {
        String[] counts = (args.length > 0 ? args[0] : "2,10,50").split(",");
        int pings = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long intervalMs = args.length > 2 ? Long.parseLong(args[2]) : 10;
        long warmupSeconds = args.length > 3 ? Long.parseLong(args[3]) : 60;
        for (String count : counts) {
            run(Integer.parseInt(count.strip()), pings, intervalMs, warmupSeconds);
        }
        System.exit(0);
    }

    private static void run(int clients, int pings, long intervalMs, long warmupSeconds) throws Exception {
        Transport transport = Transport.valueOf(
                System.getProperty("reflector.transport", "auto").toUpperCase(Locale.ROOT));
        int ioThreads = Integer.getInteger("reflector.ioThreads", Runtime.getRuntime().availableProcessors());
        try (ReflectorServer server = ReflectorServer.builder().host("127.0.0.1").port(0).transport(transport)
                .ioThreads(ioThreads).build().start()) {
            Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            // One ping per client every 20 ms stays under the limit of 60 sends a second, so none is bundled.
            long warmupIntervalMs = Math.max(1, WARMUP_CLIENT_GAP_MS / clients);
            int warmup = (int) Math.min(MAX_WARMUP_PINGS, warmupSeconds * 1000 / warmupIntervalMs);
            ConcurrentHashMap<Long, long[]> seen = new ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(warmup + pings);
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
            long cpuAtStart = 0;
            for (int i = 0; i < warmup + pings; i++) {
                if (i == warmup) {
                    cpuAtStart = processCpuNanos();
                }
                Session s = sessions.get(i % clients);
                long id = nextId.getAndIncrement();
                s.submit(() -> {
                    ((EchoView) s.view()).ping(id);
                    return null;
                });
                // Relative pacing: after a stall the pings do not bunch up, so the send rate limit never queues
                // them and what is measured is the path, not the pacing.
                long pause = i < warmup ? warmupIntervalMs : intervalMs;
                long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause);
                for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            if (!done.await(60, TimeUnit.SECONDS)) {
                System.out.println(clients + " clients: only " + (warmup + pings - done.getCount()) + " of "
                        + (warmup + pings) + " pings completed");
            }
            long cpuPerPing = (processCpuNanos() - cpuAtStart) / pings;
            report(clients, pings, intervalMs, warmup, histogram, server.transport(), cpuPerPing);
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

    /**
     * CPU time of the whole process (reflector, clients and this driver): per ping it is a steadier figure than
     * the latency percentiles, which move by 0.1 ms between runs with where the scheduler puts the threads.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void report(int clients, int measured, long intervalMs, int warmup, Histogram h, Transport t,
            long cpuPerPing) {
        System.out.printf(Locale.ROOT, "[reflector %s] publish->handled on all %d replicas: %d pings (1 per %d ms, after %d "
                        + "warm-up pings): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms; CPU %.0f us per ping%n",
                t, clients, measured, intervalMs, warmup,
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6, cpuPerPing / 1e3);
    }
}
