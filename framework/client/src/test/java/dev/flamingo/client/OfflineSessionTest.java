package dev.flamingo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.it.CounterModel;
import dev.flamingo.client.it.CounterView;
import dev.flamingo.core.Registry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Debug mode offline: a whole session against the in-process reflector, no network, manual stepping. */
class OfflineSessionTest {

    private static final Registry REGISTRY = Registry.builder().register("off.Counter", CounterModel.class).build();

    @Test
    void offlineSessionRunsModelAndViewWithManualSteps() throws Exception {
        Session session = Session.join(JoinParameters.builder().appId("dev.flamingo.offline").name("solo")
                .password("pw").registry(REGISTRY).model(CounterModel.class)
                .view((model, options) -> new CounterView(model)).step(Step.MANUAL).tps("20x4")
                .debug(DebugFlag.OFFLINE).build()).get(20, TimeUnit.SECONDS);
        try {
            session.submit(() -> {
                ((CounterView) session.view()).add(5);
                return null;
            }).get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long frame = 0;
            while (session.submit(() -> ((CounterModel) session.model()).events()).get() < 1) {
                assertTrue(System.nanoTime() < deadline, "event never executed offline");
                session.step(frame += 16);
                Thread.sleep(5);
            }
            assertEquals("events=1 total=5 checksum=5", session.submit(() -> ((CounterModel) session.model()).summary()).get());
            assertEquals(1L, (long) session.submit(() -> ((CounterModel) session.model()).joins()).get());
        } finally {
            session.leave().get(5, TimeUnit.SECONDS);
        }
    }
}
