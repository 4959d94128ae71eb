package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.snapshot.SealedEncoding;
import dev.flamingo.core.snapshot.SnapshotCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The VM's use of {@link SnapshotCodec}: whole-state snapshots, view-to-model payloads (models as id
 * references) and persisted data (no models allowed). Thread rule: encode on the VM's thread; the
 * static helpers on any thread.
 *
 * <pre>
 * VM snapshot := magic "FLVM" | int32 {@link VmTypes#SCHEMA} (little endian) | byte n | n ASCII bytes versionId
 *              | codec encoding of the VmState
 * </pre>
 * The header comes first so that a snapshot of other code or another framework build is refused with a
 * clear message before any of it is decoded (decoding it would fail somewhere inside, or worse, not).
 */
final class VmCodec {
  /** Upper bound for a decompressed snapshot, so a corrupt size field cannot exhaust memory. */
  static final int MAX_SNAPSHOT_BYTES = 1 << 30;
  private static final byte[] MAGIC = {'F', 'L', 'V', 'M'};

  private final SnapshotCodec codec;
  private final String versionId;
  private final byte[] header;
  private final Function<String, Object> models;

  VmCodec(Registry registry, Function<String, Model> lookUp) {
    this.codec = new SnapshotCodec(registry.types());
    this.versionId = registry.versionId();
    this.header = header(versionId);
    this.models = id -> {
      Model model = lookUp.apply(id);
      if (model == null) {
        throw new IllegalArgumentException("payload refers to model " + id + ", which does not exist (destroyed?)");
      }
      return model;
    };
  }

  private static byte[] header(String versionId) {
    byte[] id = versionId.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 5 + id.length).order(ByteOrder.LITTLE_ENDIAN);
    return header.put(MAGIC).putInt(VmTypes.SCHEMA).put((byte) id.length).put(id).array();
  }

  byte[] encodeState(VmState state) {
    return codec.encode(header, state);
  }

  /** Encodes, hashes and compresses {@code state}, compressing on the common pool while encoding. */
  SealedEncoding sealState(VmState state) {
    return codec.encodeSealed(header, state);
  }

  /**
   * Decodes a compressed snapshot after checking its header.
   *
   * @throws IllegalArgumentException naming both versions when the snapshot comes from another framework
   *     build or other code, or when it is not a VM snapshot at all
   */
  VmState decodeState(byte[] compressed) {
    byte[] encoded = SnapshotCodec.decompress(compressed, MAX_SNAPSHOT_BYTES);
    checkHeader(encoded);
    Object root = codec.decode(encoded, header.length);
    if (!(root instanceof VmState state)) {
      throw new IllegalArgumentException("not a VM snapshot: its root is " + (root == null ? null : root.getClass().getName()));
    }
    return state;
  }

  private void checkHeader(byte[] encoded) {
    if (encoded.length < MAGIC.length + 5 || !Arrays.equals(encoded, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IllegalArgumentException("not a VM snapshot: bad magic (expected 'FLVM')");
    }
    ByteBuffer in = ByteBuffer.wrap(encoded, MAGIC.length, 5).order(ByteOrder.LITTLE_ENDIAN);
    int schema = in.getInt();
    if (schema != VmTypes.SCHEMA) {
      throw new IllegalArgumentException("snapshot has VM schema " + schema + " but this framework build ("
          + Registry.FRAMEWORK_VERSION + ") reads schema " + VmTypes.SCHEMA
          + "; a snapshot only restores with the framework build and code that wrote it");
    }
    int n = in.get() & 0xFF;
    String written = encoded.length < MAGIC.length + 5 + n ? "(truncated)"
        : new String(encoded, MAGIC.length + 5, n, StandardCharsets.US_ASCII);
    if (!written.equals(versionId)) {
      throw new IllegalArgumentException("snapshot was taken by code version " + written + " but this registry is "
          + versionId + "; a snapshot only restores with the code that wrote it");
    }
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

  static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }

  static byte[] compress(byte[] encoded) {
    return SnapshotCodec.compress(encoded);
  }
}
