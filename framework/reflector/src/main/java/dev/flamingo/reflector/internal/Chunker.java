package dev.flamingo.reflector.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Croquet's outbound chunking: a frame longer than the limit goes out as {@code "_CHUNK" + first + last +
 * slice} pieces that the client reassembles. Slices end on code-point boundaries, so a surrogate pair is
 * never split (Croquet slices UTF-16 units blindly). Any thread.
 */
final class Chunker {
    private Chunker() {
    }

    static List<String> split(String text, int chunkChars) {
        if (text.length() <= chunkChars) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>(text.length() / chunkChars + 2);
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + chunkChars);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            boolean first = start == 0;
            boolean last = end == text.length();
            out.add("_CHUNK" + (first ? '1' : '0') + (last ? '1' : '0') + text.substring(start, end));
            start = end;
        }
        return out;
    }
}
