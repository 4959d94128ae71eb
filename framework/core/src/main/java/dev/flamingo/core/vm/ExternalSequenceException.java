package dev.flamingo.core.vm;

/**
 * An external message out of order: its seq is not the previous one plus 1 (uint32), or its time is
 * earlier than the VM's. The replica cannot continue from this stream; the client reconnects (Croquet
 * closes with 4000). Thread rule: immutable.
 */
public final class ExternalSequenceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  ExternalSequenceException(String message) {
    super(message);
  }
}
