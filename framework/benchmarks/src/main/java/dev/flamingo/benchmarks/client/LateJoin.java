package dev.flamingo.benchmarks.client;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.core.Registry;
import dev.flamingo.reflector.ReflectorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load generator: a session whose model holds {@code mb} MB gets a snapshot, then {@code messages} reflected
 * messages (from 20 clients, each at its rate limit, so none is bundled); then a new client joins and the time
 * from {@code Session.join} to the view being ready is measured, several times. Usage:
 * {@code LateJoin [mb] [messages] [joins]}, default {@code 10 10000 3}.
 */
public final class LateJoin {

    private static final Registry REGISTRY = Registry.builder().register("bench.Ballast", BallastModel.class).build();
    private static final int SENDERS = 20;

    private LateJoin() {
    }

    public static void main(String[] args) throws Exception {
        long mb = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int joins = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (ReflectorServer server = ReflectorServer.builder().host("127.0.0.1").port(0).build().start()) {
            Session seeder = join(server, mb, 1);
            awaitSnapshot(server);
            System.out.printf(Locale.ROOT, "snapshot of a %d MB model uploaded%n", mb);
            List<Session> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                senders.add(join(server, mb, Long.MAX_VALUE / 2));
            }
            seeder.leave().get(10, TimeUnit.SECONDS);
            send(senders, messages);
            System.out.printf(Locale.ROOT, "%d messages reflected since the snapshot%n", messages);
            for (int i = 0; i < joins; i++) {
                measure(server, mb, messages);
            }
            for (Session s : senders) {
                s.leave().get(10, TimeUnit.SECONDS);
            }
        }
        System.exit(0);
    }

    private static void measure(ReflectorServer server, long mb, int messages) throws Exception {
        AtomicLong installed = new AtomicLong();
        long start = System.nanoTime();
        Session late = Session.join(params(server, mb, Long.MAX_VALUE / 2)
                .debug(System.getProperty("bench.debug", ""))
                .progress(p -> installed.compareAndSet(0, System.nanoTime())).build()).get(120, TimeUnit.SECONDS);
        long ready = System.nanoTime();
        long adds = late.submit(() -> ((BallastModel) late.model()).adds()).get();
        System.out.printf(Locale.ROOT, "late join into %d MB + %d messages: %.0f ms from join to view ready "
                        + "(snapshot loaded and restored after %.0f ms); model has %d adds%n", mb, messages,
                (ready - start) / 1e6, (installed.get() - start) / 1e6, adds);
        late.leave().get(10, TimeUnit.SECONDS);
    }

    private static void send(List<Session> senders, int messages) throws Exception {
        int each = messages / senders.size();
        for (int round = 0; round < each; round++) {
            for (Session s : senders) {
                s.submit(() -> {
                    ((AddView) s.view()).add(1);
                    return null;
                });
            }
            Thread.sleep(20); // above the 60/s rate limit's 16.7 ms gap, so every add is its own message
        }
        Session last = senders.get(senders.size() - 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (last.submit(() -> ((BallastModel) last.model()).adds()).get() < (long) each * senders.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("adds did not arrive");
            }
            Thread.sleep(50);
        }
    }

    private static void awaitSnapshot(ReflectorServer server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.walk(server.filesDir())) {
                if (files.anyMatch(p -> p.toString().contains("/snap/") && Files.isRegularFile(p))) {
                    Thread.sleep(500); // let the SNAP announcement reach the reflector
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no snapshot uploaded");
    }

    private static Session join(ReflectorServer server, long mb, long snapshotAfterCpuMs) throws Exception {
        return Session.join(params(server, mb, snapshotAfterCpuMs).build()).get(120, TimeUnit.SECONDS);
    }

    private static JoinParameters.Builder params(ReflectorServer server, long mb, long snapshotAfterCpuMs) {
        return JoinParameters.builder().appId("dev.flamingo.bench").name("latejoin").password("bench")
                .registry(REGISTRY).model(BallastModel.class).options(Map.of("mb", mb))
                .view((model, options) -> new AddView(model)).eventRateLimit(60)
                .snapshotAfterCpuMs(snapshotAfterCpuMs).box(server.httpUri());
    }
}
