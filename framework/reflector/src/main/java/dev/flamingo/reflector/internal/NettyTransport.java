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
 * <p>Why epoll, not io_uring, is the automatic choice: measured here with Netty 4.2.18, an epoll server relayed
 * 500-610k msg/s against io_uring's 450-470k (100 sessions of 2) and 383-393k against 339-341k (one session of
 * 10), with paced latency within the run-to-run spread of either. And Netty's io_uring channel can be
 * unregistered with a receive still outstanding: with assertions on, its {@code assert readBuffer == null}
 * ends the event loop's thread (seen in this project's tests), and without them that receive buffer is never
 * released. io_uring stays available by name: it makes several times fewer system calls, and its timers wake
 * on time, which the load generator's paced clients need.
 */
public final class NettyTransport {
    private final Transport kind;

    private NettyTransport(Transport kind) {
        this.kind = kind;
    }

    /** The requested transport, or for {@link Transport#AUTO} epoll where available, else NIO. */
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
        return new NettyTransport(Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO);
    }

    /** Why {@code transport} cannot run on this machine, or null when it can. */
    public static Throwable unavailability(Transport transport) {
        return switch (transport) {
            case AUTO, NIO -> null;
            case IO_URING -> IoUring.unavailabilityCause();
            case EPOLL -> Epoll.unavailabilityCause();
        };
    }

    /** The transport {@link Transport#AUTO} tries after this one (NIO after epoll); NIO has none. */
    NettyTransport fallback() {
        if (kind != Transport.EPOLL) {
            throw new IllegalStateException("no automatic fallback after " + kind);
        }
        return new NettyTransport(Transport.NIO);
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
