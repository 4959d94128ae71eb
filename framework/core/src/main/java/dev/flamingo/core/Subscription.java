package dev.flamingo.core;

import java.util.Objects;

/**
 * Describes the model handler executing right now (Croquet's {@code activeSubscription}). Thread rule:
 * immutable, any thread.
 *
 * @param scope the scope the event was published to
 * @param event the event name
 * @param source {@link Source#VIEW} when the event came from a view through the reflector, {@link Source#REFLECTED}
 *     when it is a reflected event's copy or divergence
 */
public record Subscription(String scope, String event, Source source) {

  /** Where an event handled by a model came from. */
  public enum Source {
    /** Published by model code on this replica (and on every other replica). */
    MODEL,
    /** Published by a view and delivered through the reflector. */
    VIEW,
    /**
     * Published by model code as a reflected event ({@link Model#publishReflected}) and delivered through the
     * reflector: its first copy, or the {@link Votes} of a divergence.
     */
    REFLECTED
  }

  /** Validates that no part is null. */
  public Subscription {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(source, "source");
  }
}
