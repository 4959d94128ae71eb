package dev.flamingo.client.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Frames on a session's own thread: at the frame rate while wanted, not at all while the frame says it can
 * sleep, and once soon, never more often than the period, when someone asks. Bounds are only ever asserted in
 * the direction a slow machine cannot break: "at most" counts over a span, "eventually" with a long timeout.
 */
class OwnerLoopTest {

    private static final long HOUR_MS = TimeUnit.HOURS.toMillis(1);
    private ReplicaOwner owner;

    @AfterEach
    void stop() {
        if (owner != null) {
            owner.shutdown();
        }
    }

    @Test
    void aFrameThatAsksForTheFrameRateKeepsIt() throws Exception {
        CountDownLatch frames = new CountDownLatch(5);
        startFrames(5, () -> {
            frames.countDown();
            return 0;
        }, () -> false);
        assertTrue(frames.await(10, TimeUnit.SECONDS), "five frames at 5 ms");
    }

    @Test
    void anIdleFrameLetsTheThreadSleepAsLongAsItAsked() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        startFrames(5, () -> {
            frames.incrementAndGet();
            return HOUR_MS;
        }, () -> false);
        awaitTrue(() -> frames.get() == 1, "the first frame, one period after the start");
        Thread.sleep(200);
        assertEquals(1, frames.get(), "an idle session's thread must not wake at the frame rate");
    }

    @Test
    void workThatLeavesViewEventsGetsAFrameSoonFromAnyThread() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        AtomicBoolean viewEventsWaiting = new AtomicBoolean();
        startFrames(5, () -> {
            frames.incrementAndGet();
            viewEventsWaiting.set(false);
            return HOUR_MS;
        }, viewEventsWaiting::get);
        awaitTrue(() -> frames.get() == 1, "the first frame");

        // A frame from the network, run right on the reading thread (the session thread is idle).
        assertTrue(owner.deliver(() -> viewEventsWaiting.set(true)));
        awaitTrue(() -> frames.get() == 2, "a frame for what a delivery left for the views");

        // Work the session thread itself runs.
        assertTrue(owner.post(() -> viewEventsWaiting.set(true)));
        awaitTrue(() -> frames.get() == 3, "a frame for what posted work left for the views");

        assertTrue(owner.deliver(() -> { }));
        assertTrue(owner.post(() -> { }));
        Thread.sleep(200);
        assertEquals(3, frames.get(), "work that leaves nothing for the views asks for no frame");
    }

    @Test
    void requestedFramesNeverRunMoreOftenThanThePeriod() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        AtomicLong firstFrame = new AtomicLong();
        startFrames(100, () -> {
            if (frames.incrementAndGet() == 1) {
                firstFrame.set(System.nanoTime());
            }
            return HOUR_MS;
        }, () -> true);
        awaitTrue(() -> frames.get() == 1, "the first frame");
        long start = firstFrame.get();
        for (int i = 0; i < 200; i++) {
            owner.deliver(() -> { });
            Thread.sleep(1);
        }
        long spanMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int count = frames.get();
        assertTrue(count <= spanMs / 100 + 2, count + " frames in " + spanMs + " ms at a 100 ms period");
    }

    /** A session thread whose frames start now; its ownership is taken by no one else. */
    private void startFrames(long periodMs, LongSupplier frame,
            BooleanSupplier frameWork) throws Exception {
        owner = new ReplicaOwner("owner-loop-test", "test", () -> { });
        // startFrames belongs on the session thread.
        CountDownLatch started = new CountDownLatch(1);
        owner.post(() -> {
            owner.startFrames(periodMs, frame, frameWork);
            started.countDown();
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(2);
        }
    }
}
