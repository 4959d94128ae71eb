package dev.flamingo.core;

import java.io.Serializable;

/**
 * A future target taking two arguments, written as a method reference to a method of the model itself
 * ({@code this::move}). Thread rule: called on the VM's thread only.
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 */
@FunctionalInterface
public interface Handler2<A, B> extends Serializable {

  /** Runs the handler with {@code a} and {@code b}. */
  void handle(A a, B b);
}
