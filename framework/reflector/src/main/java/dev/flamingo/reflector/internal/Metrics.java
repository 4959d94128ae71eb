package dev.flamingo.reflector.internal;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Process-wide counters rendered in the Prometheus text format at /metrics. Any thread. */
public final class Metrics {
    final AtomicLong connections = new AtomicLong();
    final AtomicLong sessions = new AtomicLong();
    final LongAdder connectionsTotal = new LongAdder();
    final LongAdder framesIn = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder messagesRelayed = new LongAdder();
    final LongAdder framesOut = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder ticks = new LongAdder();
    final LongAdder snapshots = new LongAdder();
    final LongAdder snapshotFilesPruned = new LongAdder();
    final LongAdder slowConsumers = new LongAdder();
    final Histogram journalLatency = new Histogram("flamingo_journal_commit_seconds",
            "Time to write (and, if configured, fsync) a batch of journal records before relaying it.");
    final Histogram snapshotLatency = new Histogram("flamingo_snapshot_seconds",
            "Time to accept a SNAP: prune messages and compact the session state on disk.");
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    /** Counts one refused frame or connection under a short reason label. */
    public void reject(String reason) {
        rejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** The current value of one rejection counter (for tests and logs). */
    public long rejected(String reason) {
        LongAdder adder = rejected.get(reason);
        return adder == null ? 0 : adder.sum();
    }

    /** Renders every metric in the Prometheus text exposition format, version 0.0.4. */
    public String render() {
        StringBuilder out = new StringBuilder(2048);
        gauge(out, "flamingo_connections", "Open WebSocket connections.", connections.get());
        gauge(out, "flamingo_sessions", "Sessions held in memory.", sessions.get());
        counter(out, "flamingo_connections_total", "WebSocket connections accepted.", connectionsTotal.sum());
        counter(out, "flamingo_frames_in_total", "WebSocket frames received.", framesIn.sum());
        counter(out, "flamingo_bytes_in_total", "Payload bytes received in WebSocket frames.", bytesIn.sum());
        counter(out, "flamingo_messages_total", "Messages sequenced and relayed (RECV).", messagesRelayed.sum());
        counter(out, "flamingo_frames_out_total", "WebSocket frames sent.", framesOut.sum());
        counter(out, "flamingo_bytes_out_total", "Payload bytes sent in WebSocket frames.", bytesOut.sum());
        counter(out, "flamingo_ticks_total", "TICK frames sent.", ticks.sum());
        counter(out, "flamingo_snapshots_total", "SNAP announcements accepted.", snapshots.sum());
        counter(out, "flamingo_snapshot_files_pruned_total",
                "Snapshot files deleted from /files: superseded by newer snapshots, or of expired sessions.",
                snapshotFilesPruned.sum());
        counter(out, "flamingo_slow_consumers_total", "Clients dropped for not reading.", slowConsumers.sum());
        out.append("# HELP flamingo_rejected_total Frames or connections refused, by reason.\n")
           .append("# TYPE flamingo_rejected_total counter\n");
        new TreeMap<>(rejected).forEach((reason, n) ->
                out.append("flamingo_rejected_total{reason=\"").append(reason).append("\"} ")
                   .append(n.sum()).append('\n'));
        gauge(out, "flamingo_heap_used_bytes", "JVM heap in use.",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        journalLatency.render(out);
        snapshotLatency.render(out);
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
           .append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
           .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    /** A fixed-bucket latency histogram in seconds. Any thread. */
    static final class Histogram {
        private static final double[] BOUNDS = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
            0.01, 0.025, 0.05, 0.1, 0.25, 1};
        private final String name;
        private final String help;
        private final LongAdder[] buckets = new LongAdder[BOUNDS.length];
        private final LongAdder count = new LongAdder();
        private final LongAdder sumNanos = new LongAdder();

        Histogram(String name, String help) {
            this.name = name;
            this.help = help;
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void record(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BOUNDS.length; i++) {
                if (seconds <= BOUNDS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }

        void render(StringBuilder out) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n')
               .append("# TYPE ").append(name).append(" histogram\n");
            long cumulative = 0;
            for (int i = 0; i < BOUNDS.length; i++) {
                cumulative += buckets[i].sum();
                out.append(name).append("_bucket{le=\"").append(String.format(Locale.ROOT, "%s", BOUNDS[i]))
                   .append("\"} ").append(cumulative).append('\n');
            }
            out.append(name).append("_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n')
               .append(name).append("_sum ").append(String.format(Locale.ROOT, "%.9f", sumNanos.sum() / 1e9))
               .append('\n').append(name).append("_count ").append(count.sum()).append('\n');
        }
    }
}
