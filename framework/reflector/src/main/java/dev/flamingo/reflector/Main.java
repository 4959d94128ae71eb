package dev.flamingo.reflector;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar flamingo-reflector.jar [--host 127.0.0.1] [--port 9090] [--data DIR]
 * [--api-keys FILE] [--fsync never|interval|always] [--retention-days 30] [--max-rate 2000]
 * [--max-connections-per-ip 1024] [--max-frame-bytes 1048576] [--max-buffered-bytes 16777216]
 * [--max-sessions 10000] [--keep-snapshots 3] [--archive-messages false] [--io-threads N]
 * [--herald-allow URL-PREFIX,...] [--transport auto|io_uring|epoll|nio]}. SIGTERM or Ctrl-C asks clients to
 * reconnect and, with {@code --data}, persists every session. Main thread only.
 */
public final class Main {
    /** Builder settings as {@link ReflectorServer.Builder#build()} names them, and the flags that set them. */
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("host", "--host"),
            Map.entry("port", "--port"),
            Map.entry("maxMessagesPerSecond", "--max-rate"),
            Map.entry("maxConnectionsPerIp", "--max-connections-per-ip"),
            Map.entry("maxFrameBytes", "--max-frame-bytes"),
            Map.entry("maxBufferedBytes", "--max-buffered-bytes"),
            Map.entry("maxSessions", "--max-sessions"),
            Map.entry("keepSnapshots", "--keep-snapshots"),
            Map.entry("archiveMessages (needs a dataDir)", "--archive-messages (needs --data)"),
            Map.entry("ioThreads", "--io-threads"),
            Map.entry("heraldAllow prefix", "--herald-allow prefix"),
            Map.entry("transport", "--transport"));

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %5$s%6$s%n");
        }
        ReflectorServer server;
        try {
            server = build(parse(args)).start();
        } catch (IllegalArgumentException e) {
            System.err.println("flamingo-reflector: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        } catch (UncheckedIOException e) {
            System.err.println("flamingo-reflector: " + e.getMessage() + ": " + e.getCause());
            System.exit(1);
            return;
        }
        System.out.println("Flamingo reflector listening on " + server.websocketUri() + "/<sessionId>");
        System.out.println("  box URL for Croquet clients: " + server.httpUri());
        System.out.println("  transport: " + server.transport().name().toLowerCase(Locale.ROOT));
        System.out.println("  files: " + server.filesUri() + "  metrics: " + server.httpUri() + "metrics");
        System.out.println("  data: " + (server.dataDir() == null
                ? "memory only (sessions are lost on stop; files in " + server.filesDir() + ")"
                : server.dataDir()));
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println(stoppedMessage(server));
            System.out.flush();
            stopped.countDown();
        }, "reflector-shutdown"));
        stopped.await();
    }

    /** What the shutdown hook prints: only a server with a data directory has anything to persist. */
    static String stoppedMessage(ReflectorServer server) {
        return server.dataDir() == null
                ? "Flamingo reflector stopped; its memory-only sessions are gone"
                : "Flamingo reflector stopped; sessions persisted in " + server.dataDir();
    }

    /**
     * Builds the server, reporting a bad setting by the flag that set it: the builder names its own
     * parameters ("invalid maxMessagesPerSecond: 0"), which a command-line user never typed.
     */
    static ReflectorServer build(ReflectorServer.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            for (Map.Entry<String, String> setting : FLAGS.entrySet()) {
                String named = "invalid " + setting.getKey();
                if (message.startsWith(named + ":")) {
                    throw new IllegalArgumentException("invalid " + setting.getValue()
                            + message.substring(named.length()), e);
                }
            }
            throw e;
        }
    }

    static ReflectorServer.Builder parse(String[] args) {
        ReflectorServer.Builder b = ReflectorServer.builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.println(usage());
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--host" -> b.host(value);
                case "--port" -> b.port(integer(flag, value));
                case "--data" -> b.dataDir(Path.of(value));
                case "--api-keys" -> b.apiKeysFile(Path.of(value));
                case "--fsync" -> b.fsync(fsync(value));
                case "--retention-days" -> b.retention(Duration.ofDays(days(flag, value)));
                case "--max-rate" -> b.maxMessagesPerSecond(integer(flag, value));
                case "--max-connections-per-ip" -> b.maxConnectionsPerIp(integer(flag, value));
                case "--max-frame-bytes" -> b.maxFrameBytes(integer(flag, value));
                case "--max-buffered-bytes" -> b.maxBufferedBytes(integer(flag, value));
                case "--max-sessions" -> b.maxSessions(integer(flag, value));
                case "--keep-snapshots" -> b.keepSnapshots(integer(flag, value));
                case "--archive-messages" -> b.archiveMessages(yesNo(flag, value));
                case "--io-threads" -> b.ioThreads(integer(flag, value));
                case "--herald-allow" -> b.heraldAllow(List.of(value.split(",")));
                case "--transport" -> b.transport(transport(value));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return b;
    }

    private static FsyncPolicy fsync(String value) {
        try {
            return FsyncPolicy.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fsync must be never, interval or always, not " + value, e);
        }
    }

    private static Transport transport(String value) {
        try {
            return Transport.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--transport must be auto, io_uring, epoll or nio, not " + value, e);
        }
    }

    private static boolean yesNo(String flag, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(flag + " must be true or false, not " + value);
        };
    }

    // The builder would report a bad value as a Duration ("invalid retention: PT-24H").
    private static int days(String flag, String value) {
        int days = integer(flag, value);
        if (days < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1 day, not " + value);
        }
        return days;
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not " + value, e);
        }
    }

    private static String usage() {
        return "usage: java -jar flamingo-reflector.jar [--host 127.0.0.1] [--port 9090] [--data DIR]"
                + " [--api-keys FILE] [--fsync never|interval|always] [--retention-days 30]"
                + " [--max-rate 2000] [--max-connections-per-ip 1024] [--max-frame-bytes 1048576]"
                + " [--max-buffered-bytes 16777216] [--max-sessions 10000] [--keep-snapshots 3]"
                + " [--archive-messages false] [--io-threads N]"
                + " [--herald-allow URL-PREFIX,...]"
                + " [--transport auto|io_uring|epoll|nio]";
    }
}
