package dev.flamingo.core.snapshot;

import java.util.Objects;

/**
 * A snapshot encoding compressed and hashed in one go by {@link SnapshotCodec#encodeSealed}. Thread rule:
 * immutable, any thread; callers must not change the arrays.
 *
 * @param compressed the container, byte for byte what {@link SnapshotCodec#compress} makes of the encoding
 * @param sha256 SHA-256 of the uncompressed encoding: the state hash replicas compare
 * @param encodedSize length of the uncompressed encoding in bytes
 */
public record SealedEncoding(byte[] compressed, byte[] sha256, int encodedSize) {

  /** Validates the parts. */
  public SealedEncoding {
    Objects.requireNonNull(compressed, "compressed");
    Objects.requireNonNull(sha256, "sha256");
  }
}
