package dev.flamingo.core.vm;

import java.util.Objects;

/**
 * A VM snapshot: the canonical encoding and its SHA-256 hex, at VM {@code time} after external
 * {@code seq}. Identical state gives identical bytes on every replica. Thread rule: immutable; the
 * caller must not change {@code bytes}.
 *
 * @param bytes the compressed encoding: what is uploaded and what {@link VirtualMachine#restore} reads
 * @param sha256 lowercase hex SHA-256 of the canonical encoding
 * @param time the VM time when it was taken
 * @param seq the seq of the last external message executed
 */
public record Snapshot(byte[] bytes, String sha256, long time, long seq) {

  /** Validates the parts. */
  public Snapshot {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(sha256, "sha256");
  }
}
