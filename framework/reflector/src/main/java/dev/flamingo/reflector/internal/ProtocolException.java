package dev.flamingo.reflector.internal;

/**
 * A frame the reflector refuses: carries the close code, a metrics label and a reason for the client.
 * Expected failure, used only to leave deep validation code; never escapes a handler. Any thread.
 */
final class ProtocolException extends Exception {
    final CloseReason reason;
    final String label;

    ProtocolException(CloseReason reason, String label, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.label = label;
    }
}
