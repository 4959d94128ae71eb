package dev.flamingo.reflector;

import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Netty's leak detector for this module's tests (named by {@code -Dio.netty.customResourceLeakDetector} in the
 * pom, with the paranoid level, so every buffer is tracked): it keeps what Netty reports, so that
 * {@link NoLeakedBuffers} can fail the tests that leaked instead of leaving a log line nobody reads. Any thread.
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {
    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();

    /** Called by Netty's detector factory for buffers. */
    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    /**
     * The older signature, which Netty's factory also looks up (logging an error when it is missing) and
     * uses for other resources; {@code maxActive} is ignored by Netty.
     */
    @SuppressWarnings("deprecation")
    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        super(resourceType, samplingInterval, maxActive);
    }

    /** The leaks reported since the last call, each with the access records Netty kept. */
    static List<String> drain() {
        List<String> leaks = new ArrayList<>();
        for (String leak = LEAKS.poll(); leak != null; leak = LEAKS.poll()) {
            leaks.add(leak);
        }
        return leaks;
    }

    @Override
    protected boolean needReport() {
        return true; // Netty skips reporting when its logger is off, and tests should not depend on logging
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LEAKS.add(resourceType + " leaked:" + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LEAKS.add(resourceType + " leaked (no records)");
        super.reportUntracedLeak(resourceType);
    }
}
