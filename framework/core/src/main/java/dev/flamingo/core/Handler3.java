package dev.flamingo.core;

import java.io.Serializable;

/**
 * A future target taking three arguments, written as a method reference to a method of the model
 * itself ({@code this::place}). Thread rule: called on the VM's thread only.
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 * @param <C> the third argument type
 */
@FunctionalInterface
public interface Handler3<A, B, C> extends Serializable {

  /** Runs the handler with {@code a}, {@code b} and {@code c}. */
  void handle(A a, B b, C c);
}
