package dev.flamingo.reflector;

import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class after which Netty found a buffer that was never released: a reflector that leaks a
 * buffer per malformed frame or closed socket runs out of direct memory in production, which no functional
 * assertion notices. Registered for every test class of this module (junit-platform.properties); a leak found
 * here may come from an earlier class, so read the access records in the message. Any thread.
 */
public final class NoLeakedBuffers implements AfterAllCallback {
    /**
     * Netty 4.2.18's io_uring channel leaks its receive buffer when it is unregistered with that receive
     * outstanding (see NettyTransport): a Netty bug, only reachable by tests that name io_uring.
     */
    private static final String KNOWN_NETTY_LEAK = "io.netty.channel.uring.AbstractIoUringStreamChannel";

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        List<String> leaks = collect().stream().filter(l -> !l.contains(KNOWN_NETTY_LEAK)).collect(Collectors.toList());
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer(s) were garbage-collected without release():\n"
                    + String.join("\n", leaks));
        }
    }

    /**
     * Makes Netty look for leaks now and returns what it found: unreachable buffers are only noticed once the
     * collector has queued them and the detector next tracks a new buffer.
     */
    static List<String> collect() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20); // the reference handler thread enqueues what the collection cleared
            PooledByteBufAllocator.DEFAULT.directBuffer(1).release();
        }
        return RecordingLeakDetector.drain();
    }
}
