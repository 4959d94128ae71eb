package dev.flamingo.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.Session;
import dev.flamingo.core.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Frames from the reflector run on the network thread that read them when the session thread is idle, and
 * on the session thread otherwise: either way each replica runs on one thread at a time, in reflector order.
 */
class DeliveryIT {

    private static final Registry REGISTRY = Registry.builder().register("it.Tally", TallyModel.class).build();
    private static final int CLIENTS = 3;
    private static final int EVENTS = 300;

    @AutoClose
    private final Fixture fixture = new Fixture(null);

    @Test
    void replicasRunOnOneThreadAtATimeInReflectorOrder() throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            sessions.add(fixture.join(fixture.params("delivery").registry(REGISTRY).model(TallyModel.class)
                    .view((model, options) -> new WatchView(model)).eventRateLimit(60)));
        }
        for (int i = 0; i < EVENTS; i++) {
            Session s = sessions.get(i % CLIENTS);
            long n = i;
            Fixture.on(s, () -> {
                ((WatchView) s.view()).add(n);
                return null;
            });
            Thread.sleep(2);
        }
        String expected = null;
        for (Session s : sessions) {
            WatchView view = awaitAll(s);
            String summary = Fixture.on(s, () -> ((TallyModel) s.model()).summary());
            expected = expected == null ? summary : expected;
            assertEquals(expected, summary);
            assertEquals(0, view.overlaps.get(), "two threads ran replica " + s.viewId() + " at once");
            assertEquals(0, view.outOfOrder.get(), "notifications out of order on " + s.viewId());
            assertTrue(view.handlerThreads.stream().anyMatch(t -> !t.startsWith("flamingo-session-")),
                    "no frame ran on the network thread: " + view.handlerThreads);
            assertTrue(view.frameThreads.stream().allMatch(t -> t.startsWith("flamingo-session-")),
                    "frames ran off the session thread: " + view.frameThreads);
        }
        assertTrue(fixture.problems.isEmpty(), fixture.problems.toString());
    }

    private static WatchView awaitAll(Session s) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        WatchView view = (WatchView) s.view();
        while (view.last.get() < EVENTS) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + view.last.get() + " of " + EVENTS + " events on " + s.viewId());
            }
            Thread.sleep(10);
        }
        return view;
    }
}
