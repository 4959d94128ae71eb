package dev.flamingo.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.Session;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the debug flags log against the real reflector, and who answers REQU: Croquet's behaviour. */
class DebugLoggingIT {

    private Fixture fixture;
    private LogCapture log;

    @BeforeEach
    void start() {
        log = new LogCapture();
    }

    @AfterEach
    void stop() {
        fixture.close();
        log.close();
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not within 20 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void subscribeClassesAndPongFlagsLogWhatCroquetLogs() throws Exception {
        fixture = new Fixture(null);
        Session a = fixture.join(fixture.params("flags").debug("subscribe,classes,pong"));
        String subscriptions = String.join("\n", log.matching("[subscribe] " + a.viewId()));
        assertTrue(subscriptions.contains("counter:add=[") && subscriptions.contains(".onAdd]"), subscriptions);
        assertTrue(subscriptions.contains(":view-join=["), subscriptions);
        String classes = String.join("\n", log.matching("[classes] " + a.viewId()));
        assertTrue(classes.contains("it.Counter=" + CounterModel.class.getName()), classes);
        waitFor("PONG logged", () -> !log.matching("[pong] " + a.viewId() + " PONG after ").isEmpty());
    }

    @Test
    void onlyTheThreeLowestViewIdsAnswerRequ() throws Exception {
        fixture = new Fixture(null);
        fixture.server.close();
        fixture.start(b -> b.backlogLimits(4, 100_000)); // REQU from 4 retained messages on
        List<Session> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sessions.add(fixture.join(fixture.params("requ").debug("snapshot").snapshotAfterCpuMs(600_000)));
        }
        for (int i = 0; i < 6; i++) {
            Fixture.add(sessions.get(0), i);
        }
        List<String> sorted = sessions.stream().map(Session::viewId).sorted().toList();
        waitFor("every client heard REQU", () -> sorted.stream()
                .allMatch(id -> !log.matching("[snapshot] " + id + " REQU: ").isEmpty()));
        List<String> asked = sorted.stream()
                .filter(id -> !log.matching("[snapshot] " + id + " REQU: requesting a forced poll").isEmpty())
                .collect(Collectors.toList());
        assertEquals(sorted.subList(0, 3), asked);
    }
}
