package dev.flamingo.client.internal.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flamingo.core.vm.ExternalMessage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void roundTripsABundle() throws Exception {
        Payload p = new Payload(Payload.Kind.EVENTS, "v1", 42, List.of(new ExternalMessage.ModelEvent("s", "e",
                new byte[] {1, 2}), new ExternalMessage.ModelEvent("s", "f", null)), null);
        Payload back = Payload.decode(p.encode());
        assertEquals("v1", back.viewId());
        assertEquals(42, back.sendTime());
        assertArrayEquals(new byte[] {1, 2}, back.events().get(0).data());
        assertNull(back.events().get(1).data());
        assertInstanceOf(ExternalMessage.Bundle.class, back.toExternal());
    }

    @Test
    void singleEventIsNotABundleAndPollIsAPoll() throws Exception {
        Payload one = new Payload(Payload.Kind.EVENTS, "v", 0, List.of(new ExternalMessage.ModelEvent("s", "e", null)), null);
        assertInstanceOf(ExternalMessage.ModelEvent.class, Payload.decode(one.encode()).toExternal());
        Payload poll = new Payload(Payload.Kind.SNAPSHOT_POLL, "v", 0, List.of(), null);
        assertInstanceOf(ExternalMessage.SnapshotPoll.class, Payload.decode(poll.encode()).toExternal());
    }

    @Test
    void rejectsMalformedPlaintext() {
        assertThrows(IOException.class, () -> Payload.decode(new byte[] {9}));
        assertThrows(IOException.class, () -> Payload.decode(new byte[] {1, 7}));
    }

    @Test
    void aReflectedPayloadCarriesExactlyOneEvent() throws Exception {
        Payload first = new Payload(Payload.Kind.REFLECTED, "v", 0,
                List.of(new ExternalMessage.ModelEvent("dice", "rolled", new byte[] {3})), null);
        ExternalMessage.ReflectedEvent back = assertInstanceOf(ExternalMessage.ReflectedEvent.class,
                Payload.decode(first.encode()).toExternal());
        assertEquals("rolled", back.event());
        assertArrayEquals(new byte[] {3}, back.data());
        Payload two = new Payload(Payload.Kind.REFLECTED, "v", 0, List.of(new ExternalMessage.ModelEvent("a", "b", null),
                new ExternalMessage.ModelEvent("a", "c", null)), null);
        assertThrows(IOException.class, () -> Payload.decode(two.encode()));
    }
}
