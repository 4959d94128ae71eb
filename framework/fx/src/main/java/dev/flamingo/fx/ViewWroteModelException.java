package dev.flamingo.fx;

import java.util.List;

/**
 * View code changed model state outside model execution, which breaks replication; thrown by
 * {@link WriteDetector}. Thread rule: immutable, any thread.
 */
public final class ViewWroteModelException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final List<String> fields;

  ViewWroteModelException(List<String> fields, String when) {
    super("view code wrote model state " + when + ": " + String.join(", ", fields)
        + " changed outside model code; publish an event and change the model in its handler instead");
    this.fields = List.copyOf(fields);
  }

  /** The changed fields as {@code Class#id.field}, e.g. {@code ChatModel#M1.participants}. */
  public List<String> fields() {
    return fields;
  }
}
