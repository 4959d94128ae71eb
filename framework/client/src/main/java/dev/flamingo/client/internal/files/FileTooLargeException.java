package dev.flamingo.client.internal.files;

import java.io.IOException;

/** The files server refused an upload as too large (HTTP 413); retrying cannot help. Immutable. */
public final class FileTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    FileTooLargeException(String message) {
        super(message);
    }
}
