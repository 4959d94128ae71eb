package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.snapshot.SnapshotCodec;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The VM's use of {@link SnapshotCodec}: whole-state snapshots, view-to-model payloads (models as id
 * references) and persisted data (no models allowed). Thread rule: encode on the VM's thread; the
 * static helpers on any thread.
 */
final class VmCodec {
  /** Upper bound for a decompressed snapshot, so a corrupt size field cannot exhaust memory. */
  static final int MAX_SNAPSHOT_BYTES = 1 << 30;

  private final SnapshotCodec codec;
  private final Function<String, Object> models;

  VmCodec(Registry registry, Function<String, Model> lookUp) {
    this.codec = new SnapshotCodec(registry.types());
    this.models = id -> {
      Model model = lookUp.apply(id);
      if (model == null) {
        throw new IllegalArgumentException("payload refers to model " + id + ", which does not exist (destroyed?)");
      }
      return model;
    };
  }

  byte[] encodeState(VmState state) {
    return codec.encode(state);
  }

  VmState decodeState(byte[] compressed) {
    Object root = codec.decode(SnapshotCodec.decompress(compressed, MAX_SNAPSHOT_BYTES));
    if (!(root instanceof VmState state)) {
      throw new IllegalArgumentException("not a VM snapshot: its root is " + (root == null ? null : root.getClass().getName()));
    }
    return state;
  }

  byte[] encodePayload(Object data) {
    return codec.encode(data, value -> value instanceof Model model ? model.id() : null);
  }

  Object decodePayload(byte[] data) {
    return codec.decode(data, models);
  }

  /** Persisted data outlives the session, so it must not refer to models, whose ids mean nothing later. */
  byte[] encodePersisted(Object data) {
    return codec.encode(data, value -> {
      if (value instanceof Model model) {
        throw new IllegalArgumentException("persistSession data must not contain models (found " + model
            + "); persist plain values and recreate models in init(options, persisted)");
      }
      return null;
    });
  }

  Object decodePersisted(byte[] data) {
    return codec.decode(data, id -> {
      throw new IllegalArgumentException("persisted data refers to model " + id);
    });
  }

  static String sha256Hex(byte[] encoded) {
    return HexFormat.of().formatHex(SnapshotCodec.sha256(encoded));
  }

  static byte[] compress(byte[] encoded) {
    return SnapshotCodec.compress(encoded);
  }
}
