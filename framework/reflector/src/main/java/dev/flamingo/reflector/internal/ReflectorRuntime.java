package dev.flamingo.reflector.internal;

import dev.flamingo.reflector.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The running server behind {@code ReflectorServer}: Netty boss and worker loops, the session registry,
 * the file area and the periodic fsync and retention timers. Start and close from any one thread.
 */
public final class ReflectorRuntime {
    private static final Logger LOG = System.getLogger(ReflectorRuntime.class.getName());
    private static final long SETTLE_MS = 200;
    private static final long LOOP_START_MS = 10_000;
    private final ReflectorConfig config;
    private final Metrics metrics = new Metrics();
    private NettyTransport transport;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private ExecutorService fileIo;
    private SessionRegistry registry;
    private Channel serverChannel;
    private Path filesRoot;
    private Path tempFiles;

    public ReflectorRuntime(ReflectorConfig config) {
        this.config = config;
    }

    /** Binds the port and starts serving; returns the bound address. */
    public InetSocketAddress start() throws IOException {
        startLoops(NettyTransport.choose(config.transport()));
        fileIo = Executors.newFixedThreadPool(2, new DefaultThreadFactory("reflector-files", true));
        registry = new SessionRegistry(config, metrics, workers);
        if (config.durable()) {
            filesRoot = Files.createDirectories(config.dataDir().resolve("files"));
        } else {
            tempFiles = Files.createTempDirectory("flamingo-reflector-files");
            filesRoot = tempFiles;
        }
        PersistentPointers pointers = new PersistentPointers(config.durable() ? config.dataDir().resolve("persist") : null);
        FileStore files = new FileStore(filesRoot);
        SessionServices services = new SessionServices(config, metrics, registry, files, pointers,
                new SnapshotDeleter(files, pointers, metrics, fileIo));
        registry.bind(services);
        IpLimiter ipLimiter = new IpLimiter(config.maxConnectionsPerIp());
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.maxBufferedBytes() / 2, config.maxBufferedBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("http-idle", new HttpIdleTimeout(config.joinTimeoutMs(), metrics));
                        ch.pipeline().addLast("http", new HttpServerCodec());
                        ch.pipeline().addLast("guard", new RequestGuard());
                        ch.pipeline().addLast("aggregator", new HttpObjectAggregator(config.maxFileBytes()));
                        ch.pipeline().addLast("router", new HttpRouter(services, ipLimiter, fileIo));
                    }
                });
        var bind = bootstrap.bind(config.host(), config.port()).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            stopThreads(false);
            deleteTempFiles();
            throw new IOException("cannot bind " + config.host() + ":" + config.port() + " (" + bind.cause().getMessage() + ")",
                    bind.cause());
        }
        serverChannel = bind.channel();
        scheduleHousekeeping();
        LOG.log(Level.INFO, "reflector-start address={0} transport={1} ioThreads={2}", serverChannel.localAddress(),
                transport, config.ioThreads());
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Starts the accept and I/O loops on {@code chosen}. When epoll, picked automatically, cannot start its
     * loops, NIO is tried (a native transport can be available and still fail in the loop's thread: Netty
     * sets up io_uring's ring there, and a failure only ends that thread); a transport the operator asked for
     * fails the start instead.
     */
    private void startLoops(NettyTransport chosen) throws IOException {
        for (NettyTransport t = chosen; ; t = t.fallback()) {
            boss = t.group(1, "reflector-accept");
            workers = t.group(config.ioThreads(), "reflector-io");
            String failure = NettyTransport.startAll(boss, LOOP_START_MS);
            failure = failure != null ? failure : NettyTransport.startAll(workers, LOOP_START_MS);
            if (failure == null) {
                transport = t;
                return;
            }
            boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (config.transport() != Transport.AUTO || t.kind() == Transport.NIO) {
                throw new IOException("transport " + t + " cannot start its event loops: " + failure);
            }
            LOG.log(Level.WARNING, "transport {0} cannot start its event loops, trying the next one: {1}", t, failure);
        }
    }

    private void scheduleHousekeeping() {
        EventLoopGroup timers = boss;
        if (config.fsyncIntervalMs() > 0 && !config.fsyncAlways()) {
            timers.scheduleWithFixedDelay(() -> fileIo.execute(registry::forceAll),
                    config.fsyncIntervalMs(), config.fsyncIntervalMs(), TimeUnit.MILLISECONDS);
        }
        long sweep = Math.max(1000, Math.min(60_000, config.retentionMs() / 2));
        timers.scheduleWithFixedDelay(() -> fileIo.execute(this::sweepQuietly), sweep, sweep, TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            registry.sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention sweep failed", e);
        }
    }

    /** The transport chosen at start. */
    public Transport transport() {
        return transport.kind();
    }

    public Metrics metrics() {
        return metrics;
    }

    public Path filesRoot() {
        return filesRoot;
    }

    /**
     * Stops serving. Graceful: every session persists its state and asks its clients to reconnect
     * (close 4003). Not graceful: sockets and loops just stop, as after a crash (the journal already
     * holds every relayed message).
     */
    public void close(boolean graceful) {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        if (graceful) {
            settle();
            List<Future<?>> done = new ArrayList<>();
            for (Session s : registry.all()) {
                done.add(s.executor.submit(() -> s.guarded(null, s::shutdown)));
            }
            done.forEach(f -> f.awaitUninterruptibly(10, TimeUnit.SECONDS));
        }
        stopThreads(graceful);
        if (!graceful) {
            registry.all().forEach(s -> s.journal().close());
        }
        deleteTempFiles();
        serverChannel = null;
    }

    /**
     * Lets the event loops read what clients sent just before the stop: a socket whose client already
     * closed it then counts as gone, not as a client to bring back as a ghost after the restart.
     */
    private static void settle() {
        try {
            Thread.sleep(SETTLE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopThreads(boolean graceful) {
        workers.shutdownGracefully(graceful ? 100 : 0, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 1000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        fileIo.shutdownNow();
    }

    private void deleteTempFiles() {
        if (tempFiles == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(tempFiles)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + tempFiles, e);
        }
    }
}
