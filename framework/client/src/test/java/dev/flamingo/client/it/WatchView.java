package dev.flamingo.client.it;

import dev.flamingo.core.Handling;
import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A headless root view that watches which threads run its replica: every IMMEDIATE notification (run inside
 * the model's handler) and every frame {@link #update} marks itself busy for a while and counts any overlap,
 * and notifications must arrive numbered 1, 2, 3... Any thread may read the counters.
 */
public class WatchView extends View {
    final Set<String> handlerThreads = ConcurrentHashMap.newKeySet();
    final Set<String> frameThreads = ConcurrentHashMap.newKeySet();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger outOfOrder = new AtomicInteger();
    final AtomicLong last = new AtomicLong();
    private final AtomicBoolean busy = new AtomicBoolean();

    public WatchView(Model model) {
        super(model);
        subscribe("tally", "added", Handling.IMMEDIATE, (Long n) -> {
            enter(handlerThreads);
            if (n != last.get() + 1) {
                outOfOrder.incrementAndGet();
            }
            last.set(n);
            exit();
        });
    }

    public void add(long n) {
        publish("tally", "add", n);
    }

    @Override
    public void update(long frameTimeMs) {
        enter(frameThreads);
        exit();
    }

    private void enter(Set<String> threads) {
        threads.add(Thread.currentThread().getName());
        if (!busy.compareAndSet(false, true)) {
            overlaps.incrementAndGet();
        }
        // Stay busy a little, so that a second thread running this replica at the same time would be caught.
        long until = System.nanoTime() + 100_000;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }

    private void exit() {
        busy.set(false);
    }
}
