package dev.flamingo.core.vm;

import java.util.Objects;

/**
 * The part of a snapshot taken on the model thread: the canonical encoding of the VM at {@code time}
 * after external {@code seq}. {@link #seal()} compresses and hashes it and may run on any thread.
 * Thread rule: immutable; hand it to a worker as is.
 */
public final class CapturedSnapshot {
  private final byte[] encoded;
  private final long time;
  private final long seq;

  CapturedSnapshot(byte[] encoded, long time, long seq) {
    this.encoded = Objects.requireNonNull(encoded, "encoded");
    this.time = time;
    this.seq = seq;
  }

  /** Length of the canonical encoding in bytes. */
  public int size() {
    return encoded.length;
  }

  /** SHA-256 hex of the canonical encoding: what replicas compare. */
  public String sha256() {
    return VmCodec.sha256Hex(encoded);
  }

  /** Compresses and hashes; the result's bytes are what {@link VirtualMachine#restore} reads. */
  public Snapshot seal() {
    return new Snapshot(VmCodec.compress(encoded), sha256(), time, seq);
  }
}
