package dev.flamingo.core;

import java.io.Serializable;

/**
 * A model handler taking no argument, written as a method reference to a method of the model itself
 * ({@code this::onReset}); only its model id, method name and descriptor are stored, so it survives a
 * snapshot. Thread rule: called on the VM's thread only.
 */
@FunctionalInterface
public interface Handler0 extends Serializable {

  /** Runs the handler. */
  void handle();
}
