package dev.flamingo.client.it;

import static dev.flamingo.client.it.Fixture.add;
import static dev.flamingo.client.it.Fixture.await;
import static dev.flamingo.client.it.Fixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Headless clients joined to the real reflector stay identical. */
class SessionIT {

    @AutoClose
    private final Fixture fixture = new Fixture(null);

    @Test
    void twoClientsStayIdenticalUnderSustainedInput() throws Exception {
        Session a = fixture.join(fixture.params("two"));
        Session b = fixture.join(fixture.params("two"));
        assertEquals(a.id(), b.id());
        for (int i = 1; i <= 100; i++) {
            add(i % 2 == 0 ? a : b, i);
        }
        await(List.of(a, b), m -> m.events() == 100);
        assertEquals(summary(a), summary(b));
        assertTrue(fixture.problems.isEmpty(), fixture.problems.toString());
        assertEquals(List.of(true), Fixture.on(a, () -> ((CounterView) a.view()).synced));
        assertTrue(a.latency() > 0 && a.latency() < 10_000, "latency " + a.latency());
    }

    /**
     * The root view is built only once this client's own view-join has run (Croquet's join waits for its viewId
     * in the VM's views), gets the viewOptions, and is torn down before leave() completes.
     */
    @Test
    void rootViewSeesItsOwnJoinGetsViewOptionsAndIsDetachedByLeave() throws Exception {
        fixture.join(fixture.params("own"));
        List<String> seen = new CopyOnWriteArrayList<>();
        Session b = fixture.join(fixture.params("own").viewOptions("the options").view((model, options) -> {
            seen.add(((CounterModel) model).lastJoin());
            seen.add(String.valueOf(options));
            return new CounterView(model);
        }));
        assertTrue(seen.get(0).contains(b.viewId()), "the root view was built before its own view-join ran: "
                + "the last join it saw was " + seen.get(0) + ", not " + b.viewId());
        assertEquals("the options", seen.get(1));
        CounterView view = (CounterView) b.view();
        b.leave().get(5, TimeUnit.SECONDS);
        assertTrue(view.detached, "leave() completed before the root view was detached");
    }

    @Test
    void viewDataArrivesDecryptedWithTheViewJoin() throws Exception {
        Session a = fixture.join(fixture.params("data"));
        Session b = fixture.join(fixture.params("data").viewData(java.util.Map.of("name", "bob", "seat", 3)));
        await(List.of(a, b), m -> m.joins() == 2);
        String expected = "ViewInfo[viewId=" + b.viewId() + ", viewData={name=bob, seat=3}]";
        assertEquals(expected, Fixture.on(a, () -> Fixture.model(a).lastJoin()));
        assertEquals(expected, Fixture.on(b, () -> Fixture.model(b).lastJoin()));
    }

    @Test
    void tenClientsStayIdenticalUnderSustainedInput() throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sessions.add(fixture.join(fixture.params("ten")));
        }
        for (int round = 0; round < 20; round++) {
            for (Session s : sessions) {
                add(s, round);
            }
        }
        await(sessions, m -> m.events() == 200);
        String expected = summary(sessions.get(0));
        for (Session s : sessions) {
            assertEquals(expected, summary(s));
        }
        await(sessions, m -> m.joins() == 10);
    }
}
