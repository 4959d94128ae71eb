package dev.flamingo.core.snapshot;

/**
 * Thrown by the encoder when the object graph holds a value it cannot store; the message starts with
 * the field path that holds the value and says how to fix it; immutable, any thread.
 */
public final class UnsupportedValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String path;

  UnsupportedValueException(String path, String problem) {
    super(path + " -> " + problem);
    this.path = path;
  }

  /** The field path from the root to the offending value, e.g. {@code ChatModel.history[3].author}. */
  public String path() {
    return path;
  }
}
