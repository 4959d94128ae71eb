package dev.flamingo.client.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CloseCodesTest {

    @Test
    void classifiesLikeCroquet() {
        assertEquals(CloseCodes.Kind.LEFT, CloseCodes.kind(1000));
        assertEquals(CloseCodes.Kind.RECONNECT, CloseCodes.kind(1006));
        assertEquals(CloseCodes.Kind.RECONNECT, CloseCodes.kind(4000));
        assertEquals(CloseCodes.Kind.RECONNECT, CloseCodes.kind(4003));
        assertEquals(CloseCodes.Kind.FATAL, CloseCodes.kind(4100));
        assertEquals(CloseCodes.Kind.DORMANT, CloseCodes.kind(4110));
        assertEquals(CloseCodes.Kind.FATAL, CloseCodes.kind(4121));
        assertEquals(CloseCodes.Kind.FATAL, CloseCodes.kind(4200));
        assertEquals("bad apiKey", CloseCodes.describe(4103));
    }
}
