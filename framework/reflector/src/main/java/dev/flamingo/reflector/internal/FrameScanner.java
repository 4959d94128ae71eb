package dev.flamingo.reflector.internal;

/**
 * Strict single-pass JSON checker for one client frame that also notes where the envelope's
 * {@code action}, {@code args} and {@code tags} values lie. It accepts exactly what Gson's strict mode
 * accepts (RFC 8259, a leading BOM, at most {@value #MAX_DEPTH} nested containers; a later duplicate key
 * wins), without building a tree: a SEND is relayed from these positions, and Gson parses only the args
 * of rarer actions. One instance per frame, any thread.
 */
final class FrameScanner {
    /** Gson's default nesting limit: the top-level object counts as one. */
    static final int MAX_DEPTH = 255;
    /** Positions are kept for this many top-level args items; a SEND may have at most 16. */
    static final int MAX_ITEMS = 17;
    private static final String[] ENVELOPE = {"action", "args", "tags"};
    private final String s;
    private int pos;
    private int depth;
    private boolean topLevel;
    /** Set just before the envelope's args value is scanned, so {@link #array} notes its items. */
    private boolean argsNext;
    String action;
    boolean actionIsString;
    int argsFrom = -1;
    int argsTo;
    int tagsFrom = -1;
    int tagsTo;
    /** Start and end of each top-level args item (if args is an array), and how many there are. */
    final int[] items = new int[2 * MAX_ITEMS];
    int itemCount = -1;

    private FrameScanner(String s) {
        this.s = s;
    }

    /** Checks and scans {@code text}; throws MALFORMED with Gson's labels for what Gson refused. */
    static FrameScanner scan(String text) throws ProtocolException {
        FrameScanner f = new FrameScanner(text);
        boolean object;
        try {
            object = f.document();
        } catch (IndexOutOfBoundsException | Malformed e) {
            // Reading past the end is how a truncated frame shows up: no length check per character.
            throw new ProtocolException(CloseReason.MALFORMED, "not_json", "frame is not JSON");
        }
        if (!object) {
            throw new ProtocolException(CloseReason.MALFORMED, "not_object", "frame is not a JSON object");
        }
        if (!f.actionIsString) {
            throw new ProtocolException(CloseReason.MALFORMED, "no_action", "frame has no string action");
        }
        if (f.tagsFrom >= 0 && text.charAt(f.tagsFrom) != '{' && text.charAt(f.tagsFrom) != 'n') {
            throw new ProtocolException(CloseReason.MALFORMED, "bad_tags", "tags must be an object");
        }
        return f;
    }

    /** True for one object, false for any other single value or an empty text (which Gson reads as null). */
    private boolean document() throws Malformed {
        if (!s.isEmpty() && s.charAt(0) == '\ufeff') {
            pos = 1;
        }
        skipSpace();
        if (pos == s.length()) {
            return false;
        }
        boolean object = s.charAt(pos) == '{';
        topLevel = object;
        value();
        skipSpace();
        if (pos != s.length()) {
            throw new Malformed();
        }
        return object;
    }

    private void value() throws Malformed {
        boolean items = argsNext;
        argsNext = false;
        char c = s.charAt(pos);
        switch (c) {
            case '{' -> object();
            case '[' -> array(items);
            case '"' -> pos = stringEnd(pos);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object() throws Malformed {
        enter();
        boolean envelope = topLevel;
        topLevel = false;
        skipSpace();
        if (s.charAt(pos) == '}') {
            pos++;
            depth--;
            return;
        }
        while (true) {
            skipSpace();
            if (s.charAt(pos) != '"') {
                throw new Malformed();
            }
            int keyFrom = pos;
            pos = stringEnd(pos);
            int keyTo = pos;
            skipSpace();
            expect(':');
            skipSpace();
            int from = pos;
            String key = envelope ? key(keyFrom, keyTo) : null;
            if ("args".equals(key)) {
                itemCount = -1;
                argsNext = true;
            }
            value();
            if (key != null) {
                field(key, from, pos);
            }
            skipSpace();
            if (s.charAt(pos) == '}') {
                pos++;
                depth--;
                return;
            }
            expect(',');
        }
    }

    private void array(boolean argsItems) throws Malformed {
        itemCount = argsItems ? 0 : itemCount;
        enter();
        skipSpace();
        if (s.charAt(pos) == ']') {
            pos++;
            depth--;
            return;
        }
        int n = 0;
        while (true) {
            skipSpace();
            int from = pos;
            value();
            if (argsItems) {
                if (n < MAX_ITEMS) {
                    items[2 * n] = from;
                    items[2 * n + 1] = pos;
                }
                itemCount = ++n;
            }
            skipSpace();
            if (s.charAt(pos) == ']') {
                pos++;
                depth--;
                return;
            }
            expect(',');
        }
    }

    /** The envelope key spanning [from, to), or null if it is none of action, args and tags. */
    private String key(int from, int to) {
        String key = escaped(from, to) ? unescape(from, to) : null;
        for (String name : ENVELOPE) {
            if (key != null ? key.equals(name)
                    : to - from - 2 == name.length() && s.startsWith(name, from + 1)) {
                return name;
            }
        }
        return null;
    }

    /** Records one envelope field; the last of duplicate keys wins, as in Gson's JsonObject. */
    private void field(String key, int from, int to) {
        switch (key) {
            case "action" -> {
                actionIsString = s.charAt(from) == '"';
                action = actionIsString ? stringValue(from, to) : null;
            }
            case "args" -> {
                argsFrom = from;
                argsTo = to;
            }
            default -> {
                tagsFrom = from;
                tagsTo = to;
            }
        }
    }

    private void enter() throws Malformed {
        if (++depth > MAX_DEPTH) {
            throw new Malformed();
        }
        pos++;
    }

    private void expect(char c) throws Malformed {
        if (s.charAt(pos) != c) {
            throw new Malformed();
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private void literal(String word) throws Malformed {
        if (!s.startsWith(word, pos)) {
            throw new Malformed();
        }
        pos += word.length();
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; what follows is checked by the caller. */
    private void number() throws Malformed {
        if (s.charAt(pos) == '-') {
            pos++;
        }
        if (s.charAt(pos) == '0') {
            pos++;
        } else {
            digits();
        }
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (s.charAt(pos) == '+' || s.charAt(pos) == '-') {
                pos++;
            }
            digits();
        }
    }

    private void digits() throws Malformed {
        int from = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == from) {
            throw new Malformed();
        }
    }

    /**
     * Index just past the closing quote of the string opening at {@code at}. Like Gson's strict mode it
     * refuses an unpaired surrogate in the decoded value, whether raw or written as an escape.
     */
    private int stringEnd(int at) throws Malformed {
        int i = at + 1;
        boolean highPending = false;
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                if (highPending) {
                    throw new Malformed();
                }
                return i;
            }
            if (c < 0x20) {
                throw new Malformed();
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                if (e == 'u') {
                    c = unicodeEscape(i);
                    i += 4;
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw new Malformed();
                }
            }
            if (highPending != Character.isLowSurrogate(c)) {
                throw new Malformed();
            }
            highPending = Character.isHighSurrogate(c);
        }
    }

    private char unicodeEscape(int at) throws Malformed {
        for (int k = at; k < at + 4; k++) {
            if (!hex(s.charAt(k))) {
                throw new Malformed();
            }
        }
        return (char) Integer.parseInt(s, at, at + 4, 16);
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** The value of an already checked string token spanning [from, to). */
    private String stringValue(int from, int to) {
        return escaped(from, to) ? unescape(from, to) : s.substring(from + 1, to - 1);
    }

    /**
     * Whether [from, to) holds a backslash. Bounded on purpose: {@code indexOf} would scan to the end of
     * the frame for every key, quadratic in a frame of many short top-level keys.
     */
    private boolean escaped(int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\\') {
                return true;
            }
        }
        return false;
    }

    private String unescape(int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s, i + 1, i + 5, 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** Thrown inside the scan only; no stack trace, since bad frames are expected input. */
    private static final class Malformed extends Exception {
        Malformed() {
            super(null, null, false, false);
        }
    }
}
