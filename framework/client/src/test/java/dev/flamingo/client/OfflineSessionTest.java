package dev.flamingo.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.it.CounterModel;
import dev.flamingo.client.it.CounterView;
import dev.flamingo.client.it.GalleryModel;
import dev.flamingo.client.it.GalleryView;
import dev.flamingo.core.DataHandle;
import dev.flamingo.core.Handling;
import dev.flamingo.core.Registry;
import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Debug mode offline: a whole session against the in-process reflector, no network, manual stepping. */
class OfflineSessionTest {

    private static final Registry REGISTRY = Registry.builder().register("off.Counter", CounterModel.class).build();

    @Test
    void offlineSessionRunsModelAndViewWithManualSteps() throws Exception {
        Session session = ThreadDump.await(Session.join(JoinParameters.builder().appId("dev.flamingo.offline")
                .name("solo").password("pw").registry(REGISTRY).model(CounterModel.class)
                .view((model, options) -> new CounterView(model)).step(Step.MANUAL).tps("20x4")
                .debug(DebugFlag.OFFLINE).build()), 20);
        try {
            session.step(0); // MANUAL: this thread now owns the replica; the step builds the root view here
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

    /**
     * AUTO frames run only when wanted, yet everything that needs one gets it: a root view with its own
     * {@code update} is animated every frame, and once-per-frame events reach an idle view.
     */
    @Test
    void autoFramesAnimateViewsThatUpdateAndDeliverOncePerFrameEvents() throws Exception {
        Session animated = ThreadDump.await(Session.join(JoinParameters.builder().appId("dev.flamingo.offline")
                .name("animated").password("pw").registry(REGISTRY).model(CounterModel.class)
                .view((model, options) -> new AnimatedView(model)).debug(DebugFlag.OFFLINE).build()), 20);
        Session idle = ThreadDump.await(Session.join(JoinParameters.builder().appId("dev.flamingo.offline")
                .name("idle").password("pw").registry(REGISTRY).model(CounterModel.class)
                .view((model, options) -> new PerFrameView(model)).debug(DebugFlag.OFFLINE).build()), 20);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (((AnimatedView) animated.view()).updates.get() < 10) {
                assertTrue(System.nanoTime() < deadline, "a view with its own update must be animated");
                Thread.sleep(5);
            }
            PerFrameView view = (PerFrameView) idle.view();
            for (int i = 1; i <= 3; i++) {
                int value = i;
                idle.submit(() -> {
                    view.poke(value);
                    return null;
                }).get();
                while (view.latest.get() != value) {
                    assertTrue(System.nanoTime() < deadline, "once-per-frame event " + value + " never delivered");
                    Thread.sleep(5);
                }
            }
        } finally {
            animated.leave().get(5, TimeUnit.SECONDS);
            idle.leave().get(5, TimeUnit.SECONDS);
        }
    }

    /** Counts its frames. */
    static final class AnimatedView extends View {
        final AtomicInteger updates = new AtomicInteger();

        AnimatedView(Model model) {
            super(model);
        }

        @Override
        public void update(long frameTimeMs) {
            updates.incrementAndGet();
        }
    }

    /** Publishes view-only events to itself, handled once per frame. */
    static final class PerFrameView extends View {
        final AtomicInteger latest = new AtomicInteger();

        PerFrameView(Model model) {
            super(model);
            subscribe("ui", "poke", Handling.ONCE_PER_FRAME, (Integer value) -> latest.set(value));
        }

        void poke(int value) {
            publish("ui", "poke", value);
        }
    }

    /** Regression for views running on a hidden session thread in MANUAL: the stepping thread runs them. */
    @Test
    void manualStepRunsViewsOnTheCallersThread() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        Session session = ThreadDump.await(Session.join(JoinParameters.builder().appId("dev.flamingo.offline")
                .name("caller").password("pw").registry(REGISTRY).model(CounterModel.class)
                .view((model, options) -> new ThreadRecordingView(model, threads)).step(Step.MANUAL)
                .debug(DebugFlag.OFFLINE).build()), 20);
        try {
            String me = Thread.currentThread().getName();
            for (int frame = 1; frame <= 5; frame++) {
                session.step(frame * 16L);
            }
            assertTrue(threads.contains("constructor") && threads.contains("synced") && threads.contains("update"),
                    "expected constructor, synced handler and update to have run, saw " + threads);
            assertEquals(List.of(me), ThreadRecordingView.threadsOf(threads), "threads of view code " + threads);
            Thread other = new Thread(() -> session.step(1000), "not-the-owner");
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            other.setUncaughtExceptionHandler((t, e) -> thrown.set(e));
            other.start();
            other.join();
            assertTrue(thrown.get() instanceof IllegalStateException && thrown.get().getMessage().contains("not-the-owner"),
                    "stepping from a second thread must fail naming it, got " + thrown.get());
        } finally {
            session.leave().get(5, TimeUnit.SECONDS);
        }
    }

    /**
     * The Data API offline, blobs kept in memory: the store's future completes during a step, on the stepping
     * thread (the view publishes the handle from its continuation, which would throw on any other thread).
     */
    @Test
    void offlineDataStoresAndFetchesWithManualSteps() throws Exception {
        Registry registry = Registry.builder().register("off.Gallery", GalleryModel.class).build();
        Session session = ThreadDump.await(Session.join(JoinParameters.builder().appId("dev.flamingo.offline")
                .name("gallery").password("pw").registry(registry).model(GalleryModel.class)
                .view((model, options) -> new GalleryView(model)).step(Step.MANUAL)
                .debug(DebugFlag.OFFLINE).build()), 20);
        GalleryView view;
        try {
            session.step(0);
            byte[] bytes = {1, 2, 3, 4, 5};
            view = (GalleryView) session.view();
            assertSame(session, Session.of(view));
            CompletableFuture<DataHandle> stored = view.share(bytes, false);
            stepUntil(session, () -> !((GalleryModel) session.model()).handles().isEmpty());
            assertEquals(List.of(stored.get()), ((GalleryModel) session.model()).handles());
            CompletableFuture<byte[]> fetched = view.fetch(stored.get());
            stepUntil(session, fetched::isDone);
            assertArrayEquals(bytes, fetched.get());
        } finally {
            session.leave().get(5, TimeUnit.SECONDS);
        }
        session.ended().get(5, TimeUnit.SECONDS);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Session.of(view));
        assertTrue(e.getMessage().endsWith("has ended"), e.getMessage());
    }

    /** Steps the session (on this thread, its owner) until {@code done} holds. */
    private static void stepUntil(Session session, java.util.function.BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long frame = 0;
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached by stepping for 10 s");
            session.step(frame += 16);
            Thread.sleep(5);
        }
    }

    /** Records "what@thread" for its constructor, its synced handler and update. */
    static final class ThreadRecordingView extends View {
        private final List<String> log;

        ThreadRecordingView(Model model, List<String> log) {
            super(model);
            this.log = log;
            record("constructor");
            subscribe(viewId(), "synced", (Boolean value) -> record("synced"));
        }

        @Override
        public void update(long time) {
            record("update");
        }

        private void record(String what) {
            log.add(what);
            log.add("@" + Thread.currentThread().getName());
        }

        static List<String> threadsOf(List<String> log) {
            return log.stream().filter(e -> e.startsWith("@")).map(e -> e.substring(1)).distinct().toList();
        }
    }
}
