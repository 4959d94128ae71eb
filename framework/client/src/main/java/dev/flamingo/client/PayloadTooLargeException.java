package dev.flamingo.client;

/**
 * A view published an event whose encoded payload exceeds the 16 KiB the protocol allows per message. Croquet
 * drops such a message with a console warning; Flamingo refuses it at the publish call instead. Immutable.
 */
public final class PayloadTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a payload of {@code bytes} against {@code limit}. */
    public PayloadTooLargeException(String what, int bytes, int limit) {
        super(what + " encodes to " + bytes + " bytes, over the " + limit + "-byte limit per message; store "
                + "large data elsewhere and publish a reference, or split it");
    }
}
