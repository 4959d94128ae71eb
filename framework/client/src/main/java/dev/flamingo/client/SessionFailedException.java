package dev.flamingo.client;

/**
 * A session could not be joined or was ended by a fatal error: a wrong password, a fatal close code from
 * the reflector (4100 and above), an undecryptable snapshot. {@link #closeCode()} holds the WebSocket close
 * code involved. Immutable.
 */
public final class SessionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int closeCode;

    /** Creates the exception. */
    public SessionFailedException(int closeCode, String message, Throwable cause) {
        super(message, cause);
        this.closeCode = closeCode;
    }

    /** The close code (e.g. 4200 for a wrong password, 4103 for a bad API key). */
    public int closeCode() {
        return closeCode;
    }
}
