package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionSeqTest {
    @Test
    void afterFollowsCroquetAcrossTheUint32Wrap() {
        assertTrue(Session.after(0xFFFFFFF0, 0xFFFFFFF1));
        assertTrue(Session.after(0xFFFFFFFF, 0));
        assertTrue(Session.after(0xFFFFFFF0, 5));
        assertFalse(Session.after(5, 5));
        assertFalse(Session.after(5, 4));
        assertFalse(Session.after(0, 0x8000000));
    }
}
