package dev.flamingo.benchmarks.client;

import dev.flamingo.core.Model;

/** Root model of the latency run: every ping a view publishes is echoed to the views of every replica. */
public class EchoModel extends Model {
    long pings;

    @Override
    protected void init(Object options) {
        subscribe("bench", "ping", this::onPing);
    }

    void onPing(long[] stamp) {
        pings++;
        publish("bench", "pong", stamp);
    }
}
