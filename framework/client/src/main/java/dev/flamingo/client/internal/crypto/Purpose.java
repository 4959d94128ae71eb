package dev.flamingo.client.internal.crypto;

/**
 * What an envelope carries. The purpose and its context id are authenticated (GCM associated data), so a
 * snapshot cannot be replayed as a message, nor a message from another session under the same password.
 * Immutable; any thread.
 */
public enum Purpose {
    /** A view-to-model message; context: the sessionId. */
    MESSAGE,
    /** The password check: the encrypted sessionId; context: the sessionId. */
    TOVE,
    /** Per-user data attached to the join; context: the sessionId. */
    VIEW_DATA,
    /** A VM snapshot; context: the sessionId. */
    SNAPSHOT,
    /** Data persisted across code versions; context: the persistentId, which survives them. */
    PERSISTED,
    /**
     * A blob of the Data API; context: the persistentId of the storing session for the session key (so a
     * handle works across code versions), a constant for a shareable blob's own key.
     */
    DATA,
    /**
     * A vote on a reflected event, sealed deterministically ({@link Envelope#sealVote}); context: the sessionId
     * and the tally key.
     */
    VOTE;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
