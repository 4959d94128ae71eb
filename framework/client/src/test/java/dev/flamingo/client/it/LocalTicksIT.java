package dev.flamingo.client.it;

import static dev.flamingo.client.it.Fixture.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.core.Registry;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Croquet's {@code "NxM"} ticks: the reflector ticks N times a second into silence and each client adds M - 1
 * local ticks between them, so model time moves smoothly at a fraction of the reflector's traffic; the JOIN's
 * delay keeps replicas identical even though each advanced time on its own.
 */
class LocalTicksIT {

    private static final Registry REGISTRY = Registry.builder().register("it.Pulse", PulseModel.class).build();

    @AutoClose
    private final Fixture fixture = new Fixture(null);

    private JoinParameters.Builder params(String name, String tps) {
        return fixture.params(name).registry(REGISTRY).model(PulseModel.class)
                .view((model, options) -> new PulseView(model)).tps(tps);
    }

    @Test
    void localTicksAdvanceModelTimeBetweenTheReflectorsTicks() throws Exception {
        // 2 reflector ticks a second: alone, model time moves in 500 ms steps; "2x5" adds 100 ms steps.
        Session plain = fixture.join(params("plain", "2"));
        Session multiplied = fixture.join(params("multiplied", "2x5"));
        TreeSet<Long> plainTimes = new TreeSet<>();
        TreeSet<Long> multipliedTimes = new TreeSet<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < end) {
            plainTimes.add(on(plain, () -> plain.model().now()));
            multipliedTimes.add(on(multiplied, () -> multiplied.model().now()));
            Thread.sleep(10);
        }
        assertTrue(plainTimes.size() <= 10, "without a multiplier time moved only with the reflector's ticks, "
                + "about 6 steps in 3 s: " + plainTimes);
        assertTrue(multipliedTimes.size() >= 18, "with 2x5 time moves every 100 ms, about 30 steps in 3 s: "
                + multipliedTimes);
        for (long t : multipliedTimes.headSet(multipliedTimes.last())) {
            long next = multipliedTimes.higher(t);
            assertTrue(next - t >= 95, "local ticks are 100 ms apart, not " + (next - t) + ": " + multipliedTimes);
        }
    }

    @Test
    void replicasStayIdenticalWhileTheyTickLocally() throws Exception {
        Session a = fixture.join(params("together", "4x8"));
        add(a, 1);
        Thread.sleep(700);
        Session b = fixture.join(params("together", "4x8")); // joins late: snapshot or replay, then local ticks
        for (int i = 2; i <= 40; i++) {
            add(i % 2 == 0 ? a : b, i);
            Thread.sleep(23);
        }
        Session c = fixture.join(params("together", "4x8"));
        add(c, 41);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Session s : List.of(a, b, c)) {
            while (on(s, () -> ((PulseModel) s.model()).adds) < 41) {
                assertTrue(System.nanoTime() < deadline, "not all adds arrived within 20 s");
                Thread.sleep(10);
            }
        }
        assertTrue(fixture.problems.isEmpty(), fixture.problems.toString());
        String expected = on(a, () -> ((PulseModel) a.model()).summary());
        assertEquals(expected, on(b, () -> ((PulseModel) b.model()).summary()));
        assertEquals(expected, on(c, () -> ((PulseModel) c.model()).summary()));
    }

    private static void add(Session s, long n) throws Exception {
        on(s, () -> {
            ((PulseView) s.view()).add(n);
            return null;
        });
    }
}
