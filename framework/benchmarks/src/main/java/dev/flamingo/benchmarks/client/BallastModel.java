package dev.flamingo.benchmarks.client;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.Map;

/** Root model of the late-join run: holds {@code options.mb} megabytes of incompressible state and counts adds. */
public class BallastModel extends Model {
    ArrayList<byte[]> ballast = new ArrayList<>();
    long adds;

    @Override
    protected void init(Object options) {
        long mb = ((Number) ((Map<?, ?>) options).get("mb")).longValue();
        int seed = 12345;
        for (int chunk = 0; chunk < mb * 16; chunk++) {
            byte[] bytes = new byte[64 * 1024];
            for (int i = 0; i < bytes.length; i++) {
                seed = seed * 1103515245 + 12345;
                bytes[i] = (byte) (seed >>> 24);
            }
            ballast.add(bytes);
        }
        subscribe("bench", "add", this::onAdd);
    }

    void onAdd(Long n) {
        adds++;
    }

    public long adds() {
        return adds;
    }
}
