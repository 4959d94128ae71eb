package dev.flamingo.client.it;

import dev.flamingo.core.Model;

/** A root model that sums view events in arrival order; {@code checksum} exposes any order difference. */
public class CounterModel extends Model {
    long total;
    long events;
    long checksum;
    long joins;
    long exits;
    long blobs;
    String lastJoin;
    byte[] ballast;

    @Override
    protected void init(Object options) {
        subscribe("counter", "add", this::onAdd);
        subscribe("counter", "ballast", this::onBallast);
        subscribe("counter", "blob", this::onBlob);
        subscribe(sessionId(), "view-join", this::onJoin);
        subscribe(sessionId(), "view-exit", this::onExit);
    }

    void onAdd(Long n) {
        total += n;
        events++;
        checksum = checksum * 31 + n;
    }

    void onBallast(Integer bytes) {
        ballast = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            ballast[i] = (byte) (i * 7 + bytes);
        }
    }

    void onBlob(byte[] data) {
        blobs++;
    }

    void onJoin(Object view) {
        joins++;
        lastJoin = String.valueOf(view);
    }

    void onExit(Object view) {
        exits++;
    }

    /** State summary for comparing replicas. */
    public String summary() {
        return "events=" + events + " total=" + total + " checksum=" + checksum;
    }

    public long events() {
        return events;
    }

    public long joins() {
        return joins;
    }

    public String lastJoin() {
        return lastJoin;
    }

    public long blobs() {
        return blobs;
    }

    public long exits() {
        return exits;
    }
}
