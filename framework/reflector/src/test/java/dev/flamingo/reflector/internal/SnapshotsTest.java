package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnapshotsTest {
    @Test
    void afterFollowsCroquetAcrossTheUint32Wrap() {
        assertTrue(Snapshots.after(0xFFFFFFF0, 0xFFFFFFF1));
        assertTrue(Snapshots.after(0xFFFFFFFF, 0));
        assertTrue(Snapshots.after(0xFFFFFFF0, 5));
        assertFalse(Snapshots.after(5, 5));
        assertFalse(Snapshots.after(5, 4));
        assertFalse(Snapshots.after(0, 0x8000000));
    }
}
