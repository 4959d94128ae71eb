package dev.flamingo.benchmarks.client;

import dev.flamingo.core.Handling;
import dev.flamingo.core.Model;
import dev.flamingo.core.View;

/**
 * Publishes pings stamped with {@link System#nanoTime()} and, with IMMEDIATE handling, reports the moment its
 * replica's model handler ran for each one (views may read clocks; models may not).
 */
public class EchoView extends View {

    /** Told when this replica's model handled ping {@code id} that was published at {@code sentNanos}. */
    public interface Sink {
        void handled(long id, long sentNanos, long handledNanos);
    }

    public EchoView(Model model, Sink sink) {
        super(model);
        subscribe("bench", "pong", Handling.IMMEDIATE,
                (long[] stamp) -> sink.handled(stamp[0], stamp[1], System.nanoTime()));
    }

    /** Publishes ping {@code id} now. */
    public void ping(long id) {
        publish("bench", "ping", new long[] {id, System.nanoTime()});
    }
}
