package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastRunTest {
    private static final byte[] HEAD = "{\"args\":".getBytes(StandardCharsets.US_ASCII);

    private static Connection client(boolean active) {
        Connection c = new Connection(null, "s", "test", "", null, new Metrics());
        c.active = active;
        return c;
    }

    /** A run stays valid only while exactly the same clients are active, in the same order. */
    @Test
    void recipientsAreTheActiveClients() {
        Connection a = client(true);
        Connection b = client(true);
        Connection joining = client(false);
        BroadcastRun run = new BroadcastRun();
        run.start(List.of(a, joining, b));
        assertTrue(run.sameRecipients(List.of(a, joining, b)));
        assertFalse(run.sameRecipients(List.of(b, a)));
        assertFalse(run.sameRecipients(List.of(a)));
        joining.active = true;
        assertFalse(run.sameRecipients(List.of(a, joining, b)));
        b.gone = true;
        assertFalse(run.sameRecipients(List.of(a, joining, b)));
        run.add(HEAD, utf8("[1,2,\"p\"]"), '}');
        run.end();
        a.discardPending();
    }

    /** With no active client no run starts, so nothing is buffered for nobody. */
    @Test
    void noActiveClientNoRun() {
        BroadcastRun run = new BroadcastRun();
        assertTrue(run.start(List.of(client(false))).isEmpty());
        assertTrue(run.isEmpty());
    }

    /** Ending a run queues one slice on every recipient still connected and none on one that left. */
    @Test
    void endQueuesOneSlicePerConnectedRecipient() {
        Connection stays = client(true);
        Connection leaves = client(true);
        BroadcastRun run = new BroadcastRun();
        run.start(List.of(stays, leaves));
        run.add(HEAD, utf8("[1,2,\"p\"]"), '}');
        run.add(HEAD, utf8("[1,3,\"q\"]"), '}');
        leaves.gone = true;
        run.end();
        assertTrue(run.isEmpty());
        assertTrue(stays.hasPending());
        assertFalse(leaves.hasPending());
        stays.discardPending();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
