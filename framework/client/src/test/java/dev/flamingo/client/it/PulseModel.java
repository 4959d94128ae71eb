package dev.flamingo.client.it;

import dev.flamingo.core.Model;

/**
 * A root model whose state depends on when things happen: a pulse every 30 ms of model time and view adds,
 * both folded into one checksum with the time they ran at, so a message executed at a different time or in
 * a different order against the pulses shows.
 */
public class PulseModel extends Model {
    long pulses;
    long adds;
    long checksum;
    /** The checksum right after the latest add: the same on every replica that ran that add. */
    long checksumAtLastAdd;
    long pulsesAtLastAdd;

    @Override
    protected void init(Object options) {
        subscribe("pulse", "add", this::onAdd);
        futureRepeat(30, this::pulse);
    }

    void pulse() {
        pulses++;
        checksum = checksum * 31 + now();
    }

    void onAdd(Long n) {
        adds++;
        checksum = checksum * 31 + now() * 1_000 + n;
        checksumAtLastAdd = checksum;
        pulsesAtLastAdd = pulses;
    }

    /**
     * State as of the latest add, for comparing replicas: at any other moment two replicas may be at different
     * model times, each with as many pulses as its time allows.
     */
    public String summary() {
        return "adds=" + adds + " pulses=" + pulsesAtLastAdd + " checksum=" + checksumAtLastAdd;
    }
}
