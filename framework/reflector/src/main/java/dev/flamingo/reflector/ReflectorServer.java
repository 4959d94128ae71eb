package dev.flamingo.reflector;

import dev.flamingo.reflector.internal.NettyTransport;
import dev.flamingo.reflector.internal.ReflectorConfig;
import dev.flamingo.reflector.internal.ReflectorRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Croquet-compatible reflector on one port: WebSocket sessions at {@code /reflector/<sessionId>} (any
 * path prefix works; the last segment is the session), write-once files at {@code /files/<path>}, and
 * {@code /metrics}, {@code /healthz}, {@code /sessions} (API key required). Point Croquet clients at it
 * with {@code box=http://host:port/}; Flamingo clients use {@link #websocketUri()} and {@link #filesUri()}.
 *
 * <pre>{@code
 * try (ReflectorServer server = ReflectorServer.builder()
 *         .host("127.0.0.1").port(0)              // 0 = any free port
 *         .dataDir(Path.of("reflector-data"))      // omit for memory-only sessions
 *         .build().start()) {
 *     URI ws = server.websocketUri();              // ws://127.0.0.1:P/reflector
 *     URI http = server.httpUri();                 // http://127.0.0.1:P/
 * }
 * }</pre>
 *
 * <p>With a data directory every session survives restarts and crashes: each message is written to the
 * session's journal before it is relayed, and reconnecting clients continue the same timeline, time and
 * sequence. Without one, sessions live in memory until the server stops (or the retention period
 * passes) and files go to a temporary directory deleted by {@link #close()}.
 *
 * <p>Thread rule: build and start from one thread; the accessors are safe from any thread; {@link #close()}
 * may be called once from any thread.
 */
public final class ReflectorServer implements AutoCloseable {
    private final ReflectorConfig config;
    private final ReflectorRuntime runtime;
    private volatile InetSocketAddress bound;

    private ReflectorServer(ReflectorConfig config) {
        this.config = config;
        this.runtime = new ReflectorRuntime(config);
    }

    /** A builder with Croquet-compatible defaults on 127.0.0.1:9090 and no data directory. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns this server. */
    public ReflectorServer start() {
        if (bound != null) {
            throw new IllegalStateException("reflector already started on " + bound);
        }
        try {
            bound = runtime.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start reflector on " + config.host() + ":" + config.port(), e);
        }
        return this;
    }

    /** The bound port (the real one when built with port 0). */
    public int port() {
        return started().getPort();
    }

    /** The bind address as configured. */
    public String host() {
        return config.host();
    }

    /** {@code ws://host:port/reflector}; clients append {@code /<sessionId>}. */
    public URI websocketUri() {
        return URI.create("ws://" + authority() + "/reflector");
    }

    /** {@code http://host:port/}, the {@code box} URL for Croquet clients. */
    public URI httpUri() {
        return URI.create("http://" + authority() + "/");
    }

    /** {@code http://host:port/files/}, where snapshots are PUT and fetched. */
    public URI filesUri() {
        return URI.create("http://" + authority() + "/files/");
    }

    /** The socket transport in use: IO_URING, EPOLL or NIO (AUTO resolved at start). */
    public Transport transport() {
        started();
        return runtime.transport();
    }

    /** The data directory, or null when sessions are memory-only. */
    public Path dataDir() {
        return config.dataDir();
    }

    /** Where PUT files are stored (inside the data directory, or a temporary directory). */
    public Path filesDir() {
        started();
        return runtime.filesRoot();
    }

    /** Current metrics in the Prometheus text format (the body of {@code GET /metrics}). */
    public String metricsText() {
        return runtime.metrics().render();
    }

    /**
     * Graceful stop: persists every session and closes every socket with 4003 so clients reconnect
     * (to this server once restarted on the same port and data directory).
     */
    @Override
    public void close() {
        runtime.close(true);
    }

    /**
     * Stops without persisting anything beyond what is already journalled, like {@code kill -9}; for
     * tests of crash recovery.
     */
    public void halt() {
        runtime.close(false);
    }

    private InetSocketAddress started() {
        InetSocketAddress a = bound;
        if (a == null) {
            throw new IllegalStateException("reflector not started: call start() first");
        }
        return a;
    }

    private String authority() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return host + ":" + port();
    }

    /** Collects and validates settings; {@link #build()} checks them all at once. Single thread. */
    public static final class Builder {
        // Scheme, host (and port), then a slash: a prefix must not be extendable into another host's name.
        private static final Pattern HERALD_PREFIX = Pattern.compile("https?://[^/?#@\\s]+/\\S*");
        private String host = "127.0.0.1";
        private int port = 9090;
        private Path dataDir;
        private Set<String> apiKeys;
        private FsyncPolicy fsync = FsyncPolicy.INTERVAL;
        private Duration fsyncInterval = Duration.ofSeconds(1);
        private Duration retention = Duration.ofDays(30);
        private Duration unloadDelay = Duration.ofSeconds(10);
        private Duration restartGrace = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration joinTimeout = Duration.ofSeconds(35);
        private int maxFrameBytes = 1 << 20;
        private int maxMessagesPerSecond = 2000;
        private int maxBufferedBytes = 16 << 20;
        private int maxConnectionsPerIp = 1024;
        private int maxSessions = 10_000;
        private int maxFileBytes = 64 << 20;
        private int requThreshold = 60_000;
        private int maxRetainedMessages = 100_000;
        private int chunkChars = 1_000_000;
        private boolean requireLocalSnapshots = true;
        private int keepSnapshots = 3;
        private boolean archiveMessages;
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private List<String> heraldPrefixes = List.of();
        private Transport transport = Transport.AUTO;

        private Builder() {
        }

        /** Bind address, honoured exactly (default 127.0.0.1; use 0.0.0.0 for every interface). */
        public Builder host(String value) {
            host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** TCP port, 0 for any free one (default 9090). */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** Directory for session journals, SAVE pointers and files; null for memory-only (default). */
        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        /** Accepted JOIN apiKeys; without this any key is accepted, as in Croquet's standalone mode. */
        public Builder apiKeys(Collection<String> keys) {
            apiKeys = Set.copyOf(Objects.requireNonNull(keys, "keys"));
            return this;
        }

        /** Reads accepted apiKeys from a file, one per line; blank lines and {@code #} comments skipped. */
        public Builder apiKeysFile(Path file) {
            Objects.requireNonNull(file, "file");
            try {
                Set<String> keys = new LinkedHashSet<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String key = line.strip();
                    if (!key.isEmpty() && !key.startsWith("#")) {
                        keys.add(key);
                    }
                }
                apiKeys = Set.copyOf(keys);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read api keys file " + file, e);
            }
            return this;
        }

        /** When journals are forced to disk (default {@link FsyncPolicy#INTERVAL}, every second). */
        public Builder fsync(FsyncPolicy policy) {
            fsync = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Interval for {@link FsyncPolicy#INTERVAL} (default 1 s). */
        public Builder fsyncInterval(Duration value) {
            fsyncInterval = Objects.requireNonNull(value, "fsyncInterval");
            return this;
        }

        /** How long an unused session is kept (default 30 days). */
        public Builder retention(Duration value) {
            retention = Objects.requireNonNull(value, "retention");
            return this;
        }

        /** How long an empty durable session stays in memory before it is unloaded (default 10 s). */
        public Builder unloadDelay(Duration value) {
            unloadDelay = Objects.requireNonNull(value, "unloadDelay");
            return this;
        }

        /**
         * After a restart from the data directory, how long users that were present stay counted while
         * their clients reconnect, so apps see no leave and join (default 10 s).
         */
        public Builder restartGrace(Duration value) {
            restartGrace = Objects.requireNonNull(value, "restartGrace");
            return this;
        }

        /** Silence after which a socket is closed with 4002 (default 60 s). */
        public Builder idleTimeout(Duration value) {
            idleTimeout = Objects.requireNonNull(value, "idleTimeout");
            return this;
        }

        /** Time without JOIN after which a socket is closed with 4121 (default 35 s). */
        public Builder joinTimeout(Duration value) {
            joinTimeout = Objects.requireNonNull(value, "joinTimeout");
            return this;
        }

        /** Largest incoming WebSocket message (default 1 MiB). */
        public Builder maxFrameBytes(int value) {
            maxFrameBytes = value;
            return this;
        }

        /** Incoming frames per second per socket before it is closed with 4104 (default 2000). */
        public Builder maxMessagesPerSecond(int value) {
            maxMessagesPerSecond = value;
            return this;
        }

        /** Outbound bytes queued for one client before it is dropped with 4001 (default 16 MiB). */
        public Builder maxBufferedBytes(int value) {
            maxBufferedBytes = value;
            return this;
        }

        /** Concurrent WebSockets per remote address (default 1024). */
        public Builder maxConnectionsPerIp(int value) {
            maxConnectionsPerIp = value;
            return this;
        }

        /** Sessions held in memory; new sessions beyond it are refused with HTTP 503 (default 10,000). */
        public Builder maxSessions(int value) {
            maxSessions = value;
            return this;
        }

        /** Largest file accepted by PUT (default 64 MiB). */
        public Builder maxFileBytes(int value) {
            maxFileBytes = value;
            return this;
        }

        /** Retained messages from which REQU asks for a snapshot, and the cap beyond which client messages
         *  are dropped (defaults 60,000 and 100,000, as in Croquet). */
        public Builder backlogLimits(int requThresholdMessages, int maxRetained) {
            requThreshold = requThresholdMessages;
            maxRetainedMessages = maxRetained;
            return this;
        }

        /** Outbound frames longer than this many chars are sent as {@code _CHUNK} pieces (default 1,000,000). */
        public Builder chunkChars(int value) {
            chunkChars = value;
            return this;
        }

        /** Accept SNAP only for files this server holds for the session (default true). */
        public Builder requireLocalSnapshots(boolean value) {
            requireLocalSnapshots = value;
            return this;
        }

        /**
         * Snapshot files kept per session (default 3): when a SNAP is accepted, the session's older snapshots
         * in this server's {@code /files} are deleted. More than one, because a late joiner may still be
         * downloading the snapshot it was sent before the newer one arrived.
         */
        public Builder keepSnapshots(int value) {
            keepSnapshots = value;
            return this;
        }

        /**
         * Keeps, in {@code <dataDir>/sessions/<id>/archive/}, the messages each accepted SNAP prunes (default
         * off; needs {@link #dataDir}): one file per snapshot, one relayed message (ciphertext) per line, forced
         * to disk before the journal drops them. A session's whole history then stays on disk, for audit or
         * replay from its first snapshot, until the session expires.
         */
        public Builder archiveMessages(boolean value) {
            archiveMessages = value;
            return this;
        }

        /** Netty worker threads; sessions are spread over them (default: available processors). */
        public Builder ioThreads(int value) {
            ioThreads = value;
            return this;
        }

        /**
         * URL prefixes a JOIN's {@code heraldUrl} must start with to be POSTed the session's users (default none:
         * heralding off). Croquet heralds to any URL a client names; make each prefix end with a slash after
         * the host, or {@code https://a.example} would also allow {@code https://a.example.evil.com}.
         */
        public Builder heraldAllow(List<String> prefixes) {
            heraldPrefixes = List.copyOf(prefixes);
            return this;
        }

        /**
         * Socket transport (default {@link Transport#AUTO}: epoll, else NIO; io_uring only by name). Forcing a
         * native one that this machine lacks fails in {@link #build()}.
         */
        public Builder transport(Transport value) {
            transport = Objects.requireNonNull(value, "transport");
            return this;
        }

        /** Validates every setting, naming the first bad one, and returns an unstarted server. */
        public ReflectorServer build() {
            check(port >= 0 && port <= 65535, "port", port);
            check(!host.isBlank(), "host", host);
            check(positive(fsyncInterval), "fsyncInterval", fsyncInterval);
            check(positive(retention), "retention", retention);
            check(!unloadDelay.isNegative(), "unloadDelay", unloadDelay);
            check(!restartGrace.isNegative(), "restartGrace", restartGrace);
            check(positive(idleTimeout), "idleTimeout", idleTimeout);
            check(positive(joinTimeout), "joinTimeout", joinTimeout);
            check(maxFrameBytes >= 1024, "maxFrameBytes", maxFrameBytes);
            check(maxMessagesPerSecond >= 1, "maxMessagesPerSecond", maxMessagesPerSecond);
            check(maxBufferedBytes >= 64 * 1024, "maxBufferedBytes", maxBufferedBytes);
            check(maxConnectionsPerIp >= 1, "maxConnectionsPerIp", maxConnectionsPerIp);
            check(maxSessions >= 1, "maxSessions", maxSessions);
            check(maxFileBytes >= 1024, "maxFileBytes", maxFileBytes);
            check(requThreshold >= 1 && requThreshold <= maxRetainedMessages, "requThreshold", requThreshold);
            check(chunkChars >= 16, "chunkChars", chunkChars);
            check(keepSnapshots >= 1, "keepSnapshots", keepSnapshots);
            check(!archiveMessages || dataDir != null, "archiveMessages (needs a dataDir)", archiveMessages);
            check(ioThreads >= 1, "ioThreads", ioThreads);
            heraldPrefixes.forEach(p -> check(HERALD_PREFIX.matcher(p).matches(), "heraldAllow prefix", p));
            Throwable noTransport = NettyTransport.unavailability(transport);
            if (noTransport != null) {
                throw new IllegalArgumentException("invalid transport: " + transport + " is not available here ("
                        + noTransport + ")", noTransport);
            }
            Path data = dataDir == null ? null : dataDir.toAbsolutePath().normalize();
            return new ReflectorServer(new ReflectorConfig(host, port, data, apiKeys,
                    fsync == FsyncPolicy.ALWAYS, fsync == FsyncPolicy.INTERVAL ? fsyncInterval.toMillis() : 0,
                    retention.toMillis(), unloadDelay.toMillis(), restartGrace.toMillis(), idleTimeout.toMillis(),
                    joinTimeout.toMillis(),
                    maxFrameBytes, maxMessagesPerSecond, maxBufferedBytes, maxConnectionsPerIp, maxSessions,
                    maxFileBytes, requThreshold, maxRetainedMessages, chunkChars, requireLocalSnapshots, keepSnapshots,
                    archiveMessages, ioThreads, heraldPrefixes, transport));
        }

        private static boolean positive(Duration d) {
            return !d.isNegative() && !d.isZero();
        }

        private static void check(boolean ok, String name, Object value) {
            if (!ok) {
                throw new IllegalArgumentException("invalid " + name + ": " + value);
            }
        }
    }
}
