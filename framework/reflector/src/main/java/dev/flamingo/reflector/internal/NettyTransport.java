package dev.flamingo.reflector.internal;

import dev.flamingo.reflector.Transport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One resolved {@link Transport}: its event loops and channel classes, for the server and for load
 * generators that should run on the same one. The native classes are always on the class path; only their
 * {@code isAvailable()} checks load the native library, so a machine without it simply gets NIO. Any thread.
 *
 * <p>Why io_uring first: relaying 100,000 msg/s over loopback, it made 6 times fewer system calls in the
 * server than NIO (32,000 a second instead of 200,000) and 10 times fewer in the load generator, and its
 * timers wake on time (NIO's selector waits in whole milliseconds), which halved p50. CPU fell only 3-5%:
 * the kernel's TCP work per send and receive, not the system call, is most of the cost here.
 */
public final class NettyTransport {
    private final Transport kind;

    private NettyTransport(Transport kind) {
        this.kind = kind;
    }

    /** The requested transport, or for {@link Transport#AUTO} the best available one. */
    public static NettyTransport choose(Transport requested) {
        Objects.requireNonNull(requested, "requested");
        if (requested != Transport.AUTO) {
            Throwable missing = unavailability(requested);
            if (missing != null) {
                throw new IllegalStateException("transport " + requested + " is not available here: " + missing,
                        missing);
            }
            return new NettyTransport(requested);
        }
        Transport best = IoUring.isAvailable() ? Transport.IO_URING
                : Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO;
        return new NettyTransport(best);
    }

    /** Why {@code transport} cannot run on this machine, or null when it can. */
    public static Throwable unavailability(Transport transport) {
        return switch (transport) {
            case AUTO, NIO -> null;
            case IO_URING -> IoUring.unavailabilityCause();
            case EPOLL -> Epoll.unavailabilityCause();
        };
    }

    /** The next best transport after this one (epoll after io_uring, NIO after both); NIO has none. */
    NettyTransport fallback() {
        return switch (kind) {
            case IO_URING -> new NettyTransport(Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO);
            case EPOLL -> new NettyTransport(Transport.NIO);
            default -> throw new IllegalStateException("NIO is the last transport");
        };
    }

    /** IO_URING, EPOLL or NIO, never AUTO. */
    public Transport kind() {
        return kind;
    }

    /** {@code threads} event loops named {@code name-N}, daemon threads. */
    public EventLoopGroup group(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandlers());
    }

    /**
     * Starts every loop of {@code group} and returns null once all run, or what went wrong. Netty sets up a
     * loop's I/O (io_uring's ring) in the loop's own thread on its first task, and a failure there only ends
     * that thread, with a log line: a server would then bind, accept, and reset every connection that loop
     * is given.
     */
    public static String startAll(EventLoopGroup group, long timeoutMs) {
        for (EventExecutor loop : group) {
            // A loop whose setup failed still runs the tasks it was given, but only while shutting down.
            Future<Boolean> running = loop.submit(() -> !loop.isShuttingDown());
            if (!running.awaitUninterruptibly(timeoutMs, TimeUnit.MILLISECONDS)) {
                return loop + " did not start within " + timeoutMs + " ms";
            }
            if (!running.isSuccess() || !running.getNow()) {
                return loop + " stopped as it started (the log has Netty's reason: \"Unexpected exception from an"
                        + " event executor\")";
            }
        }
        return null;
    }

    private IoHandlerFactory ioHandlers() {
        return switch (kind) {
            case IO_URING -> IoUringIoHandler.newFactory();
            case EPOLL -> EpollIoHandler.newFactory();
            default -> NioIoHandler.newFactory();
        };
    }

    public Class<? extends ServerSocketChannel> serverChannel() {
        return switch (kind) {
            case IO_URING -> IoUringServerSocketChannel.class;
            case EPOLL -> EpollServerSocketChannel.class;
            default -> NioServerSocketChannel.class;
        };
    }

    public Class<? extends SocketChannel> socketChannel() {
        return switch (kind) {
            case IO_URING -> IoUringSocketChannel.class;
            case EPOLL -> EpollSocketChannel.class;
            default -> NioSocketChannel.class;
        };
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
