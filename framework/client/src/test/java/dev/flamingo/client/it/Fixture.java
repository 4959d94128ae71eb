package dev.flamingo.client.it;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.client.SessionProblem;
import dev.flamingo.core.Registry;
import dev.flamingo.reflector.ReflectorServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real reflector on loopback plus headless clients joined to it; closes everything at the end. */
final class Fixture implements AutoCloseable {

    static final Registry REGISTRY = Registry.builder().register("it.Counter", CounterModel.class).build();

    final List<SessionProblem> problems = new CopyOnWriteArrayList<>();
    final List<Session> sessions = new ArrayList<>();
    ReflectorServer server;
    private final Path dataDir;
    private int port;

    Fixture(Path dataDir) {
        this.dataDir = dataDir;
        start();
    }

    void start() {
        start(b -> b);
    }

    /** Starts (or restarts, on the same port) the reflector, with {@code settings} applied to its builder. */
    void start(java.util.function.UnaryOperator<ReflectorServer.Builder> settings) {
        ReflectorServer.Builder builder = ReflectorServer.builder().host("127.0.0.1").port(port);
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        server = settings.apply(builder).build().start();
        port = server.port();
    }

    JoinParameters.Builder params(String name) {
        return JoinParameters.builder()
                .appId("dev.flamingo.it")
                .name(name)
                .password("correct horse")
                .registry(REGISTRY)
                .model(CounterModel.class)
                .view((model, options) -> new CounterView(model))
                .box(server.httpUri())
                .problems(problems::add)
                .debug(System.getProperty("flamingo.debug", ""));
    }

    Session join(JoinParameters.Builder params) throws Exception {
        Session session = Session.join(params.build()).get(20, TimeUnit.SECONDS);
        sessions.add(session);
        return session;
    }

    static CounterModel model(Session s) {
        return (CounterModel) s.model();
    }

    static <T> T on(Session s, java.util.concurrent.Callable<T> task) throws Exception {
        return s.submit(task).get(20, TimeUnit.SECONDS);
    }

    static String summary(Session s) throws Exception {
        return on(s, () -> model(s).summary());
    }

    static void add(Session s, long n) throws Exception {
        on(s, () -> {
            ((CounterView) s.view()).add(n);
            return null;
        });
    }

    /** Polls (on each session's thread) until {@code done} holds for every session, or fails after 20 s. */
    static void await(List<Session> sessions, Predicate<CounterModel> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Session s : sessions) {
            while (!on(s, () -> s.model() != null && done.test(model(s)))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition not reached within 20 s; " + summary(s));
                }
                Thread.sleep(10);
            }
        }
    }

    static DebugFlag[] none() {
        return new DebugFlag[0];
    }

    @Override
    public void close() {
        for (Session s : sessions) {
            try {
                s.leave().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // already gone
            }
        }
        server.close();
    }
}
