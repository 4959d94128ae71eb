package dev.flamingo.client;

import java.io.IOException;

/**
 * {@link Data#fetch} refused what it downloaded: the bytes do not match the handle's hash (changed on the files
 * server), or they do not decrypt with the handle's key or this session's key (a wrong key, or a blob stored
 * by a session with another password). Nothing of such a blob reaches the app. Immutable.
 */
public final class DataRejectedException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the handle and the reason. */
    public DataRejectedException(String message) {
        super(message);
    }
}
