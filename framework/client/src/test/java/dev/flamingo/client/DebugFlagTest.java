package dev.flamingo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DebugFlagTest {

    @Test
    void parsesCommaSeparatedAndPlurals() {
        assertEquals(EnumSet.of(DebugFlag.SESSION, DebugFlag.SNAPSHOT, DebugFlag.TICKS, DebugFlag.MESSAGES),
                DebugFlag.parse(" session,snapshots,tick, messages,"));
    }

    @Test
    void unknownFlagIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DebugFlag.parse("session,bogus"));
        assertTrue(e.getMessage().startsWith("debug flag \"bogus\" is unknown"), e.getMessage());
    }
}
