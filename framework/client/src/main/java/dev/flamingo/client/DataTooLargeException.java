package dev.flamingo.client;

import java.io.IOException;

/**
 * {@link Data#store} failed because the files server refuses blobs of that size (the reflector's
 * {@code maxFileBytes}, 64 MiB by default). Retrying cannot help; split the data. Immutable.
 */
public final class DataTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for {@code bytes} of data that encrypted to {@code sealedBytes}. */
    public DataTooLargeException(int bytes, int sealedBytes, Throwable cause) {
        super("data of " + bytes + " bytes (" + sealedBytes + " encrypted) is larger than the files server "
                + "accepts; split it into smaller blobs", cause);
    }
}
