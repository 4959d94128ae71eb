package dev.flamingo.core.snapshot;

/**
 * Thrown when bytes handed to the decoder are not a valid encoding for the registry in use (corrupt,
 * truncated, hostile, or written by different code); immutable, any thread.
 */
public final class SnapshotFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that names the bad value and where it was found. */
  public SnapshotFormatException(String message) {
    super(message);
  }

  /** Creates an exception caused by user or JDK code that rejected a decoded value. */
  public SnapshotFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
