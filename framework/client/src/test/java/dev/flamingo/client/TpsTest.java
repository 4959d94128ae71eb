package dev.flamingo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TpsTest {

    @Test
    void defaultIsTwentyTicksWithoutDelay() {
        assertEquals(50.0, Tps.DEFAULT.tickMs());
        assertEquals(0, Tps.DEFAULT.delayMs());
    }

    @Test
    void clampsLikeCroquet() {
        assertEquals(30_000.0, Tps.of(0).tickMs());
        assertEquals(30_000.0, Tps.of(0.01).tickMs());
        assertEquals(1000.0 / 60, Tps.of(1000).tickMs());
    }

    @Test
    void multiplierGivesLocalTicksAndDelay() {
        Tps tps = Tps.parse("10x3");
        assertEquals(100.0, tps.tickMs());
        assertEquals(100.0 / 3, tps.localTickMs());
        assertEquals(67, tps.delayMs()); // ceil(100 * 2 / 3)
        assertEquals("10x3", tps.toString());
    }

    @Test
    void rejectsMalformedText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tps.parse("fast"));
        assertEquals("tps must be a number or \"NxM\" (e.g. \"10x3\"), got \"fast\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tps.of(-1));
        assertThrows(IllegalArgumentException.class, () -> Tps.of(Double.NaN));
    }

    @Test
    void multiplierZeroMeansOne() {
        assertEquals(1, Tps.parse("20x0").multiplier());
    }
}
