package dev.flamingo.client.it;

import static dev.flamingo.client.it.Fixture.add;
import static dev.flamingo.client.it.Fixture.await;
import static dev.flamingo.client.it.Fixture.on;
import static dev.flamingo.client.it.Fixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.Session;
import dev.flamingo.core.View;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection drops shorter and longer than rejoinLimit, a connection that stalls, and a reflector restarted
 * underneath its clients.
 */
class RejoinIT {

    @TempDir
    Path dataDir;
    private Fixture fixture;
    private TcpProxy proxy;

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        fixture.close();
    }

    private static View awaitView(Session s, View old, boolean same) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            View v = on(s, s::view);
            if (v != null && (same == (v == old)) && s.isSynced()) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("view not " + (same ? "kept" : "rebuilt") + " within 20 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void dropShorterThanRejoinLimitIsSeamless() throws Exception {
        fixture = new Fixture(null);
        proxy = new TcpProxy(fixture.server.port());
        Session a = fixture.join(fixture.params("drop").rejoinLimit(5000));
        Session b = fixture.join(fixture.params("drop").box(proxy.box()).rejoinLimit(5000));
        add(a, 1);
        await(List.of(a, b), m -> m.events() == 1);
        View view = on(b, b::view);
        proxy.cut();
        add(a, 2); // b misses it live and gets it from the SYNC
        Thread.sleep(300);
        add(b, 4); // b is disconnected: kept in its send buffer and sent after the rejoin
        proxy.heal();
        add(b, 3);
        await(List.of(a, b), m -> m.events() == 4);
        assertSame(view, awaitView(b, view, true));
        assertEquals(summary(a), summary(b));
        assertEquals(0L, (long) on(a, () -> Fixture.model(a).exits()));
    }

    /**
     * As in Croquet, a JOIN sent within rejoinLimit stops the rejoin timer: a SYNC that comes after the limit
     * still continues the same timeline, and the view is kept.
     */
    @Test
    void aJoinSentWithinRejoinLimitKeepsTheViewThoughItsSyncComesLater() throws Exception {
        fixture = new Fixture(null);
        proxy = new TcpProxy(fixture.server.port());
        Session a = fixture.join(fixture.params("late-sync").rejoinLimit(1500));
        Session b = fixture.join(fixture.params("late-sync").box(proxy.box()).rejoinLimit(1500));
        add(a, 1);
        await(List.of(a, b), m -> m.events() == 1);
        View view = on(b, b::view);
        proxy.cut();
        proxy.stallAfterHandshake();
        proxy.heal(); // b reconnects within a few hundred ms and sends its JOIN; its SYNC is held
        add(a, 2);
        Thread.sleep(3000);
        proxy.resume();
        assertSame(view, awaitView(b, view, true));
        await(List.of(a, b), m -> m.events() == 2);
        assertEquals(summary(a), summary(b));
        assertFalse(((CounterView) view).detached, "the view was torn down while the SYNC was on its way");
    }

    /**
     * Croquet's synced rule on a connection that stays open but goes silent: views hear "synced false" once the
     * replica is over two seconds behind the reflector's extrapolated time, and "synced true" once it caught up.
     * An idle session's thread sleeps between frames, so this checks it still wakes when the flag can change.
     */
    @Test
    void aStalledReflectorUnsyncsTheViewsUntilItsMessagesArrive() throws Exception {
        fixture = new Fixture(null);
        proxy = new TcpProxy(fixture.server.port());
        Session a = fixture.join(fixture.params("stall"));
        Session b = fixture.join(fixture.params("stall").box(proxy.box()));
        add(a, 1);
        await(List.of(a, b), m -> m.events() == 1);
        proxy.stall();
        add(a, 2);
        awaitSynced(b, false);
        assertFalse(b.isSynced());
        proxy.resume();
        awaitSynced(b, true);
        await(List.of(a, b), m -> m.events() == 2);
        assertEquals(summary(a), summary(b));
        assertEquals(List.of(true, false, true), on(b, () -> List.copyOf(((CounterView) b.view()).synced)));
    }

    /** Waits until the last synced event b's view heard is {@code value}. */
    private static void awaitSynced(Session s, boolean value) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            List<Boolean> heard = on(s, () -> List.copyOf(((CounterView) s.view()).synced));
            if (!heard.isEmpty() && heard.get(heard.size() - 1) == value) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("views never heard synced " + value + "; heard " + heard);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void dropLongerThanRejoinLimitReboots() throws Exception {
        fixture = new Fixture(null);
        proxy = new TcpProxy(fixture.server.port());
        Session a = fixture.join(fixture.params("reboot").rejoinLimit(300));
        Session b = fixture.join(fixture.params("reboot").box(proxy.box()).rejoinLimit(300));
        add(a, 1);
        await(List.of(a, b), m -> m.events() == 1);
        View view = on(b, b::view);
        proxy.cut();
        add(a, 2);
        Thread.sleep(1500);
        proxy.heal();
        View rebuilt = awaitView(b, view, false);
        assertNotSame(view, rebuilt);
        assertTrue(((CounterView) view).detached, "the reboot left the old root view attached");
        add(b, 3);
        await(List.of(a, b), m -> m.events() == 3);
        assertEquals(summary(a), summary(b));
    }

    @Test
    void reflectorRestartedUnderneathRunningClients() throws Exception {
        fixture = new Fixture(dataDir);
        Session a = fixture.join(fixture.params("restart").rejoinLimit(10_000));
        Session b = fixture.join(fixture.params("restart").rejoinLimit(10_000));
        add(a, 1);
        add(b, 2);
        await(List.of(a, b), m -> m.events() == 2);
        View viewA = on(a, a::view);
        View viewB = on(b, b::view);
        fixture.server.close();
        fixture.start();
        add(a, 3);
        add(b, 4);
        await(List.of(a, b), m -> m.events() == 4);
        assertEquals(summary(a), summary(b));
        // The restarted reflector continues the timeline and its clock (never backwards): both rejoin seamlessly.
        assertSame(viewA, awaitView(a, viewA, true));
        assertSame(viewB, awaitView(b, viewB, true));
    }
}
