package dev.flamingo.client.internal.wire;

/**
 * A frame from the reflector that breaks the protocol (bad JSON, missing or mistyped field). Checked: the
 * connection reports it and closes; nothing in the frame is executed.
 */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} names the action and field at fault. */
    public ProtocolException(String message) {
        super(message);
    }
}
