package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    @Test
    void shortTextIsOneFrameWithoutPrefix() {
        assertEquals(List.of("abc"), Chunker.split("abc", 16));
    }

    @Test
    void longTextIsMarkedFirstMiddleLastAndReassembles() {
        List<String> parts = Chunker.split("0123456789abcdefghij", 8);
        assertEquals(List.of("_CHUNK1001234567", "_CHUNK0089abcdef", "_CHUNK01ghij"), parts);
    }

    @Test
    void surrogatePairsAreNeverSplit() {
        String text = "abcdefg\uD83D\uDE00xyz";
        List<String> parts = Chunker.split(text, 8);
        StringBuilder joined = new StringBuilder();
        for (String p : parts) {
            String slice = p.substring(8);
            assertFalse(Character.isHighSurrogate(slice.charAt(slice.length() - 1)), p);
            joined.append(slice);
        }
        assertEquals(text, joined.toString());
    }
}
