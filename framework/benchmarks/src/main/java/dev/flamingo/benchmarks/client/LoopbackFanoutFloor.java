package dev.flamingo.benchmarks.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The machine's floor under {@link PublishLatency}: the same path with nothing of Flamingo in it. A sender writes
 * a 200-byte message over loopback TCP to a relay thread, which writes it to N client sockets that R selector
 * threads read (the client's shared Grizzly transport runs three); one message per interval, and the time from
 * the sender's write until the last client has read it. No WebSocket framing, JSON, encryption or model: only
 * threads, selectors and the kernel, so what {@code PublishLatency} measures above this is Flamingo's.
 * Usage: {@code LoopbackFanoutFloor [clients] [readerThreads] [messages] [intervalMs]}, default
 * {@code 10 3 3000 10}; the first third is warm-up. Main thread drives; one relay and R reader threads.
 */
public final class LoopbackFanoutFloor {
    private static final int MESSAGE_BYTES = 200;

    private final int clients;
    private final int count;
    private final long[] sentAt;
    private final long[] lastReadAt;
    private final AtomicIntegerArray reads;
    private final CountDownLatch allRead;

    private LoopbackFanoutFloor(int clients, int count) {
        this.clients = clients;
        this.count = count;
        this.sentAt = new long[count];
        this.lastReadAt = new long[count];
        this.reads = new AtomicIntegerArray(count);
        this.allRead = new CountDownLatch(count);
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        long intervalMs = args.length > 3 ? Long.parseLong(args[3]) : 10;
        new LoopbackFanoutFloor(clients, count).run(readers, intervalMs);
    }

    private void run(int readers, long intervalMs) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            SocketChannel sender = connect(server);
            SocketChannel relayIn = accept(server);
            List<SocketChannel> clientEnds = new ArrayList<>();
            List<SocketChannel> relayOut = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                clientEnds.add(connect(server));
                relayOut.add(accept(server));
            }
            for (int r = 0; r < readers; r++) {
                Selector selector = Selector.open();
                for (int i = r; i < clients; i += readers) {
                    clientEnds.get(i).configureBlocking(false);
                    clientEnds.get(i).register(selector, SelectionKey.OP_READ, ByteBuffer.allocateDirect(1 << 16));
                }
                daemon("floor-reader-" + r, () -> read(selector));
            }
            daemon("floor-relay", () -> relay(relayIn, relayOut));
            send(sender, intervalMs);
            if (!allRead.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every message reached every client within 30 s");
            }
            report(readers, intervalMs);
        }
    }

    private static SocketChannel connect(ServerSocketChannel server) throws IOException {
        SocketChannel channel = SocketChannel.open(server.getLocalAddress());
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return channel;
    }

    private static SocketChannel accept(ServerSocketChannel server) throws IOException {
        SocketChannel channel = server.accept();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return channel;
    }

    private static void daemon(String name, IoTask task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** As the reflector does: one read of the sender's socket, then one write per client. */
    private static void relay(SocketChannel in, List<SocketChannel> outs) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
        while (true) {
            buffer.clear();
            if (in.read(buffer) < 0) {
                return;
            }
            buffer.flip();
            for (SocketChannel out : outs) {
                ByteBuffer copy = buffer.duplicate();
                while (copy.hasRemaining()) {
                    out.write(copy);
                }
            }
        }
    }

    /** As a selector thread of the client transport: the last of the N reads of a message stops its clock. */
    private void read(Selector selector) throws IOException {
        while (true) {
            selector.select();
            for (SelectionKey key : selector.selectedKeys()) {
                ByteBuffer buffer = (ByteBuffer) key.attachment();
                buffer.clear();
                int n = ((SocketChannel) key.channel()).read(buffer);
                long now = System.nanoTime();
                for (int at = 0; at + MESSAGE_BYTES <= n; at += MESSAGE_BYTES) {
                    int id = buffer.getInt(at);
                    if (reads.incrementAndGet(id) == clients) {
                        lastReadAt[id] = now;
                        allRead.countDown();
                    }
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private void send(SocketChannel sender, long intervalMs) throws IOException {
        ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE_BYTES);
        for (int id = 0; id < count; id++) {
            message.clear();
            message.putInt(0, id);
            sentAt[id] = System.nanoTime();
            while (message.hasRemaining()) {
                sender.write(message);
            }
            long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMs);
            for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private void report(int readers, long intervalMs) {
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        for (int id = count / 3; id < count; id++) {
            h.recordValue(lastReadAt[id] - sentAt[id]);
        }
        System.out.printf(Locale.ROOT, "loopback floor, write->read on all %d clients over %d reader threads "
                        + "(1 per %d ms, %d measured): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
                clients, readers, intervalMs, h.getTotalCount(), h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6);
    }

    @FunctionalInterface
    private interface IoTask {
        void run() throws IOException;
    }
}
