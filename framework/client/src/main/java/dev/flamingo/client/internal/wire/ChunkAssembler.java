package dev.flamingo.client.internal.wire;

/**
 * Rejoins frames the reflector split as {@code "_CHUNK" + first(0|1) + last(0|1) + slice} (it chunks frames
 * over 1 MB, in practice large SYNCs). Confined to the connection's receiving thread.
 */
public final class ChunkAssembler {

    private static final String PREFIX = "_CHUNK";
    private static final int MAX_CHARS = 512 * 1024 * 1024;

    private StringBuilder pending;

    /** Returns the complete frame when {@code text} completes one, else null (more chunks to come). */
    public String accept(String text) throws ProtocolException {
        if (!text.startsWith(PREFIX)) {
            if (pending != null) {
                throw new ProtocolException("a plain frame arrived in the middle of a chunked one");
            }
            return text;
        }
        if (text.length() < PREFIX.length() + 2) {
            throw new ProtocolException("chunk header is truncated: " + text);
        }
        boolean first = flag(text.charAt(PREFIX.length()));
        boolean last = flag(text.charAt(PREFIX.length() + 1));
        String slice = text.substring(PREFIX.length() + 2);
        if (first == (pending != null)) {
            throw new ProtocolException(first ? "a new chunked frame started before the previous one ended"
                    : "a continuation chunk arrived without a first chunk");
        }
        if (first) {
            pending = new StringBuilder();
        }
        if (pending.length() + slice.length() > MAX_CHARS) {
            pending = null;
            throw new ProtocolException("chunked frame exceeds " + MAX_CHARS + " chars");
        }
        pending.append(slice);
        if (!last) {
            return null;
        }
        String frame = pending.toString();
        pending = null;
        return frame;
    }

    /** Forgets a partial frame, e.g. when the socket closed mid-way. */
    public void reset() {
        pending = null;
    }

    private static boolean flag(char c) throws ProtocolException {
        if (c != '0' && c != '1') {
            throw new ProtocolException("chunk flag must be 0 or 1, got '" + c + "'");
        }
        return c == '1';
    }
}
