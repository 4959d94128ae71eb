package dev.flamingo.core;

import java.io.Serializable;

/**
 * A model handler taking one argument (an event's data or a future's argument), written as a method
 * reference to a method of the model itself ({@code this::onPost}). Thread rule: called on the VM's
 * thread only.
 *
 * @param <A> the argument type
 */
@FunctionalInterface
public interface Handler1<A> extends Serializable {

  /** Runs the handler with {@code a}. */
  void handle(A a);
}
