package dev.flamingo.reflector.internal;

import java.util.Locale;

/**
 * Client-supplied text made fit for one log line: a line break, another control character or a lone
 * surrogate is written as an escape ({@code \n}, {@code \u001b}), so a client cannot forge or garble log
 * lines, and the text is cut at a bound on a code-point boundary. Any thread.
 */
final class LogText {
    /** Characters kept from client text before it is cut. */
    static final int MAX_CHARS = 500;

    private LogText() {
    }

    static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        for (int i = 0; i < text.length(); ) {
            if (out.length() >= MAX_CHARS) {
                return out.append("...(").append(text.length()).append(" chars)").toString();
            }
            int cp = text.codePointAt(i);
            append(out, cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, int cp) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                boolean unsafe = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                        || Character.isSurrogate((char) cp) && cp <= 0xFFFF;
                out.append(unsafe ? String.format(Locale.ROOT, "\\u%04x", cp) : Character.toString(cp));
            }
        }
    }
}
