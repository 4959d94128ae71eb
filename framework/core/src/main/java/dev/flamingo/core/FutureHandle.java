package dev.flamingo.core;

import java.util.Objects;

/**
 * Identifies a message a model queued with {@code future(...)} so it can be cancelled; a repeating
 * future keeps its handle across repeats. Obtain it from {@code future}; it may be stored in model
 * state. Thread rule: immutable, any thread.
 *
 * @param modelId the id of the model that queued the message
 * @param id the VM-wide number of the future, unique within the session
 */
public record FutureHandle(String modelId, long id) {

  /** Validates the model id. */
  public FutureHandle {
    Objects.requireNonNull(modelId, "modelId");
  }
}
