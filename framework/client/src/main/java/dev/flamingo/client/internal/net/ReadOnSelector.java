package dev.flamingo.client.internal.net;

import java.lang.reflect.Field;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;

/**
 * Makes Tyrus' shared Grizzly transport hand incoming frames to {@link WebSocketTransport} on the selector thread
 * that read them. Tyrus builds that transport with Grizzly's default worker-thread strategy, so every frame
 * crossed to a worker thread and then woke the selector again to re-enable reads: two thread hand-offs per frame
 * before the session's own thread was even told. Our frame listener only decodes and queues, so running it on
 * the selector costs nothing there. Tyrus offers no setting for this, hence the reflection on its shared
 * transport; should a Tyrus upgrade rename the field, frames simply keep the default path. Any thread.
 */
final class ReadOnSelector {

    private static final System.Logger LOG = System.getLogger(ReadOnSelector.class.getName());

    private ReadOnSelector() {
    }

    /** Applies the strategy to the shared transport (re-created by Tyrus after an idle spell, so call per connect). */
    static void apply() {
        try {
            Field shared = Class.forName("org.glassfish.tyrus.container.grizzly.client.GrizzlyClientSocket")
                    .getDeclaredField("transport");
            shared.setAccessible(true);
            if (shared.get(null) instanceof TCPNIOTransport transport
                    && !(transport.getIOStrategy() instanceof SameThreadIOStrategy)) {
                transport.setIOStrategy(SameThreadIOStrategy.getInstance());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Tyrus keeps its worker-thread reads: " + e);
        }
    }
}
