package dev.flamingo.reflector.internal;

/**
 * WebSocket close codes with Croquet's meanings; the client reconnects for codes below 4100 except 1000.
 * Any thread.
 */
public enum CloseReason {
    /** SNAP, SAVE, TUTTI or TICKS from a socket that has not joined. */
    UNKNOWN_SESSION(4000, "unknown session"),
    /** Outbound queue over the limit: the client is not reading fast enough; it reconnects and resyncs. */
    UNRESPONSIVE(4001, "client unresponsive"),
    /** No traffic for the idle timeout. */
    INACTIVE(4002, "client inactive"),
    /** Server shutting down or session moving: reconnect. */
    RECONNECT(4003, "please reconnect"),
    /** Missing or invalid session id, or a JOIN whose arguments are not valid. */
    BAD_PROTOCOL(4100, "outdated protocol"),
    /** SAVE in a session without appId and persistentId. */
    BAD_APP_ID(4101, "bad appId"),
    /** Frame not JSON, not an object, or with invalid fields. */
    MALFORMED(4102, "malformed message"),
    /** JOIN without an apiKey, or with one the key file does not list. */
    BAD_API_KEY(4103, "bad apiKey"),
    /** More frames per second than the configured limit. Flamingo-specific, fatal for the client. */
    RATE_LIMITED(4104, "rate limit exceeded"),
    /** A handler failed unexpectedly; other sockets and sessions are unaffected. */
    UNKNOWN_ERROR(4109, "unknown error"),
    /** Connected for the join timeout without sending JOIN. */
    NO_JOIN(4121, "client never joined");

    private final int code;
    private final String text;

    CloseReason(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The WebSocket close status code. */
    public int code() {
        return code;
    }

    /** The default human-readable reason. */
    public String text() {
        return text;
    }
}
