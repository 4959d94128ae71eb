package dev.flamingo.benchmarks.client;

import dev.flamingo.client.internal.net.Transport;
import dev.flamingo.client.internal.net.WebSocketTransport;
import dev.flamingo.client.internal.wire.JoinArgs;
import dev.flamingo.client.internal.wire.OutboundEncoder;
import dev.flamingo.reflector.ReflectorServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The middle layer of {@link PublishLatency}: the same reflector and the same WebSocket transport the client
 * uses (Tyrus on Grizzly, frames read on the selector threads), but no session, encryption or model. N raw
 * connections join one session; one sends a SEND per interval and the time from that send until every
 * connection has received its RECV is recorded. Read it between {@link LoopbackFanoutFloor} (the kernel
 * and threads alone) and {@code PublishLatency} (everything): the first gap is the reflector's and the
 * transport's, the second the client's own work. Usage: {@code TransportFanout [clients] [messages]
 * [intervalMs] [warmupMessages]}, default {@code 10 1500 10 20000}. Main thread drives; frames arrive on
 * the transport's threads.
 */
public final class TransportFanout {
    private static final String SESSION = "transport-fanout-0123456789abcdefghijklmnopq";

    private final int clients;
    private final int total;
    private final long[] sentAt;
    private final long[] lastReceivedAt;
    private final AtomicIntegerArray received;
    private final CountDownLatch allReceived;

    private TransportFanout(int clients, int total) {
        this.clients = clients;
        this.total = total;
        this.sentAt = new long[total];
        this.lastReceivedAt = new long[total];
        this.received = new AtomicIntegerArray(total);
        this.allReceived = new CountDownLatch(total);
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        long intervalMs = args.length > 2 ? Long.parseLong(args[2]) : 10;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        try (ReflectorServer server = ReflectorServer.builder().host("127.0.0.1").port(0).build().start()) {
            new TransportFanout(clients, warmup + measured).run(server, warmup, intervalMs);
        }
    }

    private void run(ReflectorServer server, int warmup, long intervalMs) throws Exception {
        List<Transport> links = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            links.add(join(server, "v" + i));
        }
        OutboundEncoder encoder = new OutboundEncoder(SESSION);
        long cpuAtStart = 0;
        for (int id = 0; id < total; id++) {
            if (id == warmup) {
                cpuAtStart = PublishLatency.processCpuNanos();
            }
            // The payload is opaque to the reflector: the id, found again in each RECV.
            String frame = encoder.send(0, "m" + id + ";", 0);
            sentAt[id] = System.nanoTime();
            links.get(id % clients).send(frame);
            // The reflector allows 2,000 frames a second per socket; the warm-up stays well under it.
            pause(id < warmup ? 1 : intervalMs);
        }
        if (!allReceived.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every RECV reached every connection within 30 s");
        }
        report(warmup, intervalMs, (PublishLatency.processCpuNanos() - cpuAtStart) / (total - warmup));
        for (Transport link : links) {
            link.close(1000, "done");
        }
    }

    private Transport join(ReflectorServer server, String viewId) throws InterruptedException {
        CountDownLatch synced = new CountDownLatch(1);
        OutboundEncoder encoder = new OutboundEncoder(SESSION);
        JoinArgs args = new JoinArgs("dev.flamingo.bench/transport", "", "dev.flamingo.bench", "transport-fanout",
                "bench", viewId, null, 1000, 0, 0, "no password", "bench", 1250);
        Transport link = new WebSocketTransport(URI.create(server.websocketUri() + "/" + SESSION));
        Transport[] self = {link};
        link.open(new Transport.Listener() {
            @Override
            public void opened() {
                self[0].send(encoder.join(args));
            }

            @Override
            public void received(String frame) {
                if (frame.contains("\"SYNC\"")) {
                    synced.countDown();
                } else if (frame.contains("\"RECV\"")) {
                    counted(frame, System.nanoTime());
                }
            }

            @Override
            public void closed(int code, String reason) {
                // the run's end
            }
        });
        if (!synced.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("connection " + viewId + " got no SYNC");
        }
        return link;
    }

    /** The last of the N receipts of a message stops its clock. */
    private void counted(String frame, long now) {
        int at = frame.indexOf("\"m");
        if (at < 0) {
            return; // a users message
        }
        int id = Integer.parseInt(frame, at + 2, frame.indexOf(';', at), 10);
        if (received.incrementAndGet(id) == clients) {
            lastReceivedAt[id] = now;
            allReceived.countDown();
        }
    }

    private static void pause(long ms) {
        long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private void report(int warmup, long intervalMs, long cpuPerMessage) {
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        for (int id = warmup; id < total; id++) {
            h.recordValue(lastReceivedAt[id] - sentAt[id]);
        }
        System.out.printf(Locale.ROOT, "reflector + transport, send->RECV on all %d connections (1 per %d ms, "
                        + "after %d warm-up): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms; CPU %.0f us per message%n",
                clients, intervalMs, warmup, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, cpuPerMessage / 1e3);
    }
}
