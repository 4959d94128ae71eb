package dev.flamingo.client.internal.net;

/**
 * Croquet's close-code table and what each code means for reconnecting: below 4100 (other than 1000) the
 * client reconnects with backoff; 1000 and 4100 and above, except 4110 (dormant), end the session.
 * Stateless; any thread.
 */
public final class CloseCodes {

    /** The client left on purpose. */
    public static final int LEAVE = 1000;
    /** Abnormal closure: the socket dropped without a close frame. */
    public static final int ABNORMAL = 1006;
    /** Unknown session, or a client-side error such as a sequence error; reconnect. */
    public static final int CLIENT_ERROR = 4000;
    /** Client inactive for 60 s. */
    public static final int INACTIVE = 4002;
    /** The reflector asks the client to come back. */
    public static final int PLEASE_RECONNECT = 4003;
    /** First fatal code. */
    public static final int FIRST_FATAL = 4100;
    /** The client went dormant (autoSleep); reconnects when woken, not on a timer. */
    public static final int DORMANT = 4110;
    /** Fatal on the client side: wrong password, undecryptable data, send rate exceeded, snapshot fetch. */
    public static final int CLIENT_FATAL = 4200;

    private CloseCodes() {
    }

    /** What a close with {@code code} means for this client. */
    public enum Kind {
        /** A normal leave: stop. */
        LEFT,
        /** A transient failure: reconnect with backoff. */
        RECONNECT,
        /** Dormancy: reconnect only when the app becomes active again. */
        DORMANT,
        /** A fatal refusal: stop and surface {@link #describe(int)} to the app. */
        FATAL
    }

    /** Classifies a close code. */
    public static Kind kind(int code) {
        if (code == LEAVE) {
            return Kind.LEFT;
        }
        if (code == DORMANT) {
            return Kind.DORMANT;
        }
        return code >= FIRST_FATAL ? Kind.FATAL : Kind.RECONNECT;
    }

    /** A human-readable meaning of {@code code}, for error messages. */
    public static String describe(int code) {
        return switch (code) {
            case LEAVE -> "left the session";
            case ABNORMAL -> "connection lost";
            case CLIENT_ERROR -> "unknown session or client error";
            case 4001 -> "client unresponsive";
            case INACTIVE -> "client inactive";
            case PLEASE_RECONNECT -> "reflector asked to reconnect";
            case FIRST_FATAL -> "outdated protocol";
            case 4101 -> "bad appId";
            case 4102 -> "malformed message";
            case 4103 -> "bad apiKey";
            case 4109 -> "unknown reflector error";
            case DORMANT -> "dormant";
            case 4121 -> "client never joined";
            case CLIENT_FATAL -> "fatal client error";
            default -> code >= FIRST_FATAL ? "fatal error" : "connection closed";
        };
    }
}
