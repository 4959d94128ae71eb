package dev.flamingo.client.internal.crypto;

/**
 * A ciphertext failed authentication: a wrong password, tampering, or data from another session or purpose.
 * Checked, because every caller must report it instead of executing anything.
 */
public final class RejectedEnvelopeException extends Exception {

    private static final long serialVersionUID = 1L;

    RejectedEnvelopeException(String message) {
        super(message);
    }
}
