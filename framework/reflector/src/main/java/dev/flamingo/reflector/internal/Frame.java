package dev.flamingo.reflector.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One checked client frame: {@code {"action": "...", "args": ..., "tags": {...}}}; {@code id} is ignored
 * because the URL names the session. The whole text was checked strictly by {@link FrameScanner}; args
 * and tags stay text until asked for, so a SEND is relayed without a JSON tree. Immutable, any thread.
 */
final class Frame {
    private final String text;
    private final FrameScanner scan;

    private Frame(String text, FrameScanner scan) {
        this.text = text;
        this.scan = scan;
    }

    /** Parses strictly: one JSON object, nothing after it, at most 255 nested containers. */
    static Frame parse(String text) throws ProtocolException {
        return new Frame(text, FrameScanner.scan(text));
    }

    String action() {
        return scan.action;
    }

    /** The args as a Gson tree (a fresh one per call), or null when absent. */
    JsonElement args() {
        return scan.argsFrom < 0 ? null : JsonParser.parseString(text.substring(scan.argsFrom, scan.argsTo));
    }

    /** The tags object, or null when absent or JSON null. */
    JsonObject tags() {
        if (scan.tagsFrom < 0 || text.charAt(scan.tagsFrom) != '{') {
            return null;
        }
        return JsonParser.parseString(text.substring(scan.tagsFrom, scan.tagsTo)).getAsJsonObject();
    }

    /** The args as a client message {@code [time, seq, payloadString, ...]} (at most 16 items). */
    Submission message() throws ProtocolException {
        int n = scan.itemCount;
        if (n < 3 || n > 16 || text.charAt(scan.items[4]) != '"') {
            throw Json.bad("SEND args must be [time, seq, payloadString, ...]");
        }
        if (compact(n)) {
            return new Submission(text.substring(scan.items[4], scan.items[2 * n - 1]),
                    scan.items[2 * n - 2] - scan.items[4]);
        }
        StringBuilder tail = new StringBuilder(scan.items[2 * n - 1] - scan.items[4]);
        int lastFrom = 0;
        for (int i = 2; i < n; i++) {
            if (i > 2) {
                tail.append(',');
            }
            lastFrom = tail.length();
            appendCompact(tail, scan.items[2 * i], scan.items[2 * i + 1]);
        }
        return new Submission(tail.toString(), lastFrom);
    }

    /** True if items [2, n) are already compact text: single commas between them and no containers. */
    private boolean compact(int n) {
        for (int i = 2; i < n; i++) {
            char first = text.charAt(scan.items[2 * i]);
            if (first == '{' || first == '[' || i > 2 && scan.items[2 * i] != scan.items[2 * i - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies one checked value without whitespace outside strings: stored messages are one journal line
     * each, and a pretty-printed extra item must not break a line.
     */
    private void appendCompact(StringBuilder out, int from, int to) {
        char first = text.charAt(from);
        if (first != '{' && first != '[') {
            out.append(text, from, to);
            return;
        }
        boolean inString = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                out.append(c);
            }
        }
    }
}
