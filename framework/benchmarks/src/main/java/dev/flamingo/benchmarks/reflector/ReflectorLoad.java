package dev.flamingo.benchmarks.reflector;

import dev.flamingo.reflector.Transport;
import dev.flamingo.reflector.internal.NettyTransport;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Load generator for the reflector: starts the reflector CLI in its own JVM and drives it with raw
 * protocol clients over WebSockets from this one, on the same machine. Reports relayed messages per
 * second (distinct SENDs sequenced), deliveries per second and send-to-receipt latency percentiles,
 * the CPU both processes used (and the server's CPU-seconds per 100,000 relayed messages, which moves
 * less with other load on the machine than the rates do) and the load average; heap per idle session and
 * per idle connection; and durability on versus off. Main thread.
 *
 * <p>Run: {@code java -cp framework/benchmarks/target/benchmarks.jar
 * dev.flamingo.benchmarks.reflector.ReflectorLoad [seconds] [scenario...]} with scenarios
 * {@code fanout one10 rate1000 paced one10paced heap durability} (default: all), {@code durable} (fanout with
 * {@code --data}, to profile), {@code paced:<rate>} for
 * one rate over 100 sessions of 2, or {@code window:<n>} for 100 sessions of 2 each keeping {@code n} messages
 * in flight (a closed loop: the rate at which that latency is reached). {@code -Dloadgen.transport} and {@code -Dreflector.transport} ({@code auto},
 * {@code io_uring}, {@code epoll} or {@code nio}) choose the generator's (default io_uring where available) and
 * the server's (default auto: epoll) transport.
 * Saturating scenarios keep a
 * window of messages in flight per client, so their latency is mostly queueing; the paced ones send at a
 * fixed total rate and show the latency at that rate.
 */
public final class ReflectorLoad {
    private final int seconds;
    /**
     * io_uring where the machine has it, unless {@code -Dloadgen.transport} says otherwise: its timers wake
     * the paced clients on time, and every figure of this generator so far was measured with it. (The server's
     * automatic choice is epoll; see {@link NettyTransport}.)
     */
    private final NettyTransport transport = NettyTransport.choose(System.getProperty("loadgen.transport") != null
            || NettyTransport.unavailability(Transport.IO_URING) != null
            ? transportProperty("loadgen.transport") : Transport.IO_URING);
    private static final long SATURATED_WARM_UP_MS = 3000;
    // At 1,000 msg/s the JIT is still compiling the server's relay path after 3 s: runs measured that early
    // showed p99 2-5 ms and 8-9 CPU-s per 100k messages, against 0.9-1.8 ms and 5.5 s once warm.
    private static final long PACED_WARM_UP_MS = 15_000;
    /** Saturating clients: two loops, so the generator is not what limits the throughput. */
    private final EventLoopGroup group = transport.group(2, "load");
    /**
     * Paced clients: one loop (0.8 cores at 100,000 msg/s). With two, four busy threads shared the two
     * cores and the generator preempted the server's loops: more CPU for the same load, p99 no better.
     * On NIO its timers fire up to a millisecond late (the selector waits in whole milliseconds): at
     * 1,000 msg/s that was p50 1.2-1.5 ms from the due time against 0.5 ms from the write; io_uring
     * (the default where available) wakes on time, 0.7-0.8 ms.
     */
    private final EventLoopGroup pacedGroup = transport.group(1, "load-paced");

    private ReflectorLoad(int seconds) {
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> scenarios = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("fanout", "one10", "rate1000", "paced", "one10paced", "heap", "durability");
        ReflectorLoad load = new ReflectorLoad(seconds);
        System.out.println("load generator transport: " + load.transport);
        try {
            for (String s : scenarios) {
                load.run(s);
            }
        } finally {
            load.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            load.pacedGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    static Transport transportProperty(String name) {
        return Transport.valueOf(System.getProperty(name, "auto").toUpperCase(Locale.ROOT));
    }

    private void run(String scenario) throws Exception {
        if (scenario.startsWith("paced:")) {
            int rate = Integer.parseInt(scenario.substring("paced:".length()));
            paced(String.format(Locale.ROOT, "100 sessions x 2 clients, %,d msg/s total", rate), null, 100, 2, rate);
            return;
        }
        if (scenario.startsWith("window:")) {
            int window = Integer.parseInt(scenario.substring("window:".length()));
            saturate("100 sessions x 2 clients, window " + window, null, 100, 2, window);
            return;
        }
        switch (scenario) {
            case "fanout" -> saturate("100 sessions x 2 clients, window 16", null, 100, 2, 16);
            case "one10" -> saturate("1 session x 10 clients, window 32", null, 1, 10, 32);
            case "pingpong" -> saturate("1 session x 1 client, window 1 (round trip)", null, 1, 1, 1);
            case "rate1000" -> paced("1 session x 10 clients, 1,000 msg/s total", null, 1, 10, 1000);
            case "paced" -> {
                paced("100 sessions x 2 clients, 20,000 msg/s total", null, 100, 2, 20_000);
                paced("100 sessions x 2 clients, 50,000 msg/s total", null, 100, 2, 50_000);
                paced("100 sessions x 2 clients, 100,000 msg/s total", null, 100, 2, 100_000);
            }
            case "one10paced" -> paced("1 session x 10 clients, 50,000 msg/s total", null, 1, 10, 50_000);
            case "heap" -> heap();
            case "durability" -> durability();
            case "durable" -> saturate("100x2 window 16, durable (--data, fsync interval)",
                    Files.createTempDirectory("reflector-load"), 100, 2, 16);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    /**
     * Durable against memory-only throughput, in back-to-back pairs after a discarded warm-up run: measured
     * first in a cold generator JVM, the durable server read 345-357k msg/s in runs where it later did 440k,
     * and one pair per call made the cost swing from 1% to 39%.
     */
    private void durability() throws Exception {
        saturate("(generator warm-up, not a result)", null, 100, 2, 16);
        int rounds = 3;
        double memory = 0;
        double durable = 0;
        double memoryCpu = 0;
        double durableCpu = 0;
        for (int round = 1; round <= rounds; round++) {
            Result m = saturate("100x2 window 16, memory only, round " + round, null, 100, 2, 16);
            Result d = saturate("100x2 window 16, durable (--data, fsync interval), round " + round,
                    Files.createTempDirectory("reflector-load"), 100, 2, 16);
            System.out.printf(Locale.ROOT, "durability cost, round %d: %.1f%% throughput, %+.1f%% server CPU per message%n",
                    round, cost(m.relayed, d.relayed), -cost(m.cpuPer100k, d.cpuPer100k));
            memory += m.relayed;
            durable += d.relayed;
            memoryCpu += m.cpuPer100k;
            durableCpu += d.cpuPer100k;
        }
        System.out.printf(Locale.ROOT, "durability cost over %d rounds: %.1f%% throughput, %+.1f%% server CPU per message%n",
                rounds, cost(memory, durable), -cost(memoryCpu, durableCpu));
        saturate("100x2 window 16, durable (--data, fsync always)", Files.createTempDirectory("reflector-load"), 100,
                2, 16, "always");
    }

    private static double cost(double memoryOnly, double durable) {
        return (memoryOnly - durable) / memoryOnly * 100;
    }

    private Result saturate(String title, Path data, int sessions, int perSession, int window) throws Exception {
        return saturate(title, data, sessions, perSession, window, "interval");
    }

    private Result saturate(String title, Path data, int sessions, int perSession, int window, String fsync)
            throws Exception {
        try (ServerProcess server = ServerProcess.start(data, fsync, "1g")) {
            List<LoadClient> clients = connect(group, server, sessions, perSession, window, 5000);
            clients.forEach(LoadClient::startWindowed);
            Result result = measure(title, server, clients, perSession, SATURATED_WARM_UP_MS);
            clients.forEach(LoadClient::stop);
            clients.forEach(LoadClient::close);
            return result;
        } finally {
            if (data != null) {
                deleteTree(data);
            }
        }
    }

    /** A durable run leaves 0.2-0.8 GB of journals; runs after runs filled the disk. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** What one measured scenario relayed, and the server CPU-seconds it spent per 100,000 messages. */
    private record Result(double relayed, double cpuPer100k) {
    }

    private void paced(String title, Path data, int sessions, int perSession, double totalRate) throws Exception {
        try (ServerProcess server = ServerProcess.start(data, "interval", "1g")) {
            List<LoadClient> clients = connect(pacedGroup, server, sessions, perSession, 0, 5000);
            List<Pacer> pacers = Pacer.start(clients, totalRate / clients.size(), perSession);
            measure(title, server, clients, perSession, PACED_WARM_UP_MS);
            pacers.forEach(Pacer::stop);
            clients.forEach(LoadClient::stop);
            clients.forEach(LoadClient::close);
        }
    }

    private List<LoadClient> connect(EventLoopGroup group, ServerProcess server, int sessions, int perSession,
            int window, long tickMs) {
        List<LoadClient> clients = new ArrayList<>();
        List<CompletableFuture<LoadClient>> synced = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            for (int c = 0; c < perSession; c++) {
                LoadClient client = LoadClient.open(group, transport.socketChannel(), server.websocket(),
                        clients.size(), "load-" + s, window, tickMs);
                clients.add(client);
                synced.add(client.synced);
            }
        }
        CompletableFuture.allOf(synced.toArray(new CompletableFuture<?>[0])).orTimeout(60, TimeUnit.SECONDS).join();
        return clients;
    }

    private Result measure(String title, ServerProcess server, List<LoadClient> clients, int perSession,
            long warmUpMs) throws InterruptedException {
        Thread.sleep(warmUpMs);
        clients.forEach(c -> c.startRecording().syncUninterruptibly());
        long start = System.nanoTime();
        long serverCpu0 = cpuNanos(server.process.toHandle());
        long selfCpu0 = cpuNanos(ProcessHandle.current());
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        clients.forEach(c -> c.stopRecording().syncUninterruptibly());
        double elapsed = (System.nanoTime() - start) / 1e9;
        double serverCpu = (cpuNanos(server.process.toHandle()) - serverCpu0) / 1e9;
        double selfCpu = (cpuNanos(ProcessHandle.current()) - selfCpu0) / 1e9;
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 2);
        Histogram fromWrite = new Histogram(TimeUnit.SECONDS.toNanos(60), 2);
        long deliveries = 0;
        for (LoadClient c : clients) {
            h.add(c.latency);
            fromWrite.add(c.fromWrite);
            deliveries += c.deliveries;
        }
        double delivered = deliveries / elapsed;
        double relayed = delivered / perSession;
        System.out.printf(Locale.ROOT, "%-58s relayed %,10.0f msg/s  delivered %,10.0f/s  latency p50 %6.2f ms"
                        + "  p90 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  max %7.2f ms  (from write: p50 %.2f p99 %.2f ms)"
                        + "  cpu: server %.2f cores (%.2f s per 100k msgs), loadgen %.2f cores  load average %.2f%n",
                title, relayed, delivered, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                ms(fromWrite.getValueAtPercentile(50)), ms(fromWrite.getValueAtPercentile(99)), serverCpu / elapsed,
                serverCpu / (relayed * elapsed) * 100_000, selfCpu / elapsed,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return new Result(relayed, serverCpu / (relayed * elapsed) * 100_000);
    }

    private static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Heap per idle session (state kept, nobody connected) and per idle joined connection. */
    private void heap() throws IOException, InterruptedException {
        int n = 1000;
        try (ServerProcess server = ServerProcess.start(null, "never", "1g")) {
            warmUp(server);
            long base = server.heapAfterGc();
            List<LoadClient> clients = connect(group, server, n, 1, 0, 60_000);
            long withSessions = server.heapAfterGc();
            clients.forEach(LoadClient::close);
            Thread.sleep(1000);
            long idleSessions = server.heapAfterGc();
            List<LoadClient> oneSession = connectMany(server, n);
            long withConnections = server.heapAfterGc();
            System.out.printf(Locale.ROOT, "heap: %d sessions each with one joined client: %,d bytes per session+client%n",
                    n, (withSessions - base) / n);
            System.out.printf(Locale.ROOT, "heap: per idle session (no clients, state in memory): %,d bytes%n",
                    (idleSessions - base) / n);
            System.out.printf(Locale.ROOT, "heap: per idle joined connection (%d in one session): %,d bytes%n",
                    n, (withConnections - idleSessions) / n);
            oneSession.forEach(LoadClient::close);
        }
    }

    private void warmUp(ServerProcess server) {
        List<LoadClient> warm = connect(group, server, 10, 1, 0, 60_000);
        warm.forEach(LoadClient::close);
    }

    private List<LoadClient> connectMany(ServerProcess server, int n) {
        List<LoadClient> clients = new ArrayList<>();
        List<CompletableFuture<LoadClient>> synced = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            LoadClient client = LoadClient.open(group, transport.socketChannel(), server.websocket(), 100_000 + c,
                    "many", 0, 60_000);
            clients.add(client);
            synced.add(client.synced);
        }
        CompletableFuture.allOf(synced.toArray(new CompletableFuture<?>[0])).orTimeout(60, TimeUnit.SECONDS).join();
        return clients;
    }
}
