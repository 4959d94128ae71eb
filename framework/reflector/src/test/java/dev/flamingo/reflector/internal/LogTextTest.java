package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void lineBreaksControlsAndLoneSurrogatesAreEscaped() {
        assertEquals("a\\nb\\r\\tc\\u2028\\u0085\\u001b[0m\\ud800 ok \uD83D\uDE00",
                LogText.of("a\nb\r\tc\u2028\u0085\u001b[0m\uD800 ok \uD83D\uDE00"));
    }

    @Test
    void longTextIsCutOnACodePointBoundaryAndSaysHowLongItWas() {
        String text = "x".repeat(LogText.MAX_CHARS - 1) + "\uD83D\uDE00".repeat(10);
        String logged = LogText.of(text);
        assertEquals("x".repeat(LogText.MAX_CHARS - 1) + "\uD83D\uDE00...(" + text.length() + " chars)", logged);
        assertTrue(LogText.of("y".repeat(1_000_000)).length() < LogText.MAX_CHARS + 20);
    }

    @Test
    void nullIsLoggedAsNull() {
        assertEquals("null", LogText.of(null));
    }
}
