package dev.flamingo.core.snapshot;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Encodes object graphs (a whole VM for snapshots, or a view-to-model event payload) to a versioned
 * binary form and back; immutable and safe on any thread, but each call must be given a graph that
 * no other thread mutates or encodes meanwhile, since encoding writes the index field of classes under
 * {@link TypeRegistry#indexInField} (for snapshots: call {@link #encode(Object)} on the model thread,
 * then {@link #compress} and {@link #sha256} anywhere).
 *
 * <p>Every non-static, non-transient field of every registered class is stored ({@code transient}
 * plays the role of Croquet's {@code $} prefix); object identity, sharing and cycles survive; the
 * same state always gives the same bytes, so {@link #sha256} of {@link #encode} is the state hash.
 * Instances are restored without running constructors; records through their canonical
 * constructor. Built in: primitives and their boxes (bit-exact floating point), String, BigInteger,
 * BigDecimal, enums, records, arrays, ArrayList, LinkedList, ArrayDeque, HashMap, LinkedHashMap
 * (also access-ordered), TreeMap, HashSet, LinkedHashSet, TreeSet, EnumSet, EnumMap, List.of and
 * the empty collections; Map.of/Set.of are refused because their order changes on every JVM run. HashMap and HashSet are restored with their table sizing so they iterate, and keep
 * iterating after later changes, exactly like the original. TreeMap/TreeSet keep their comparator,
 * which must be null (natural order), a built-in one ({@code Comparator.naturalOrder()},
 * {@code Comparator.reverseOrder()}, {@code String.CASE_INSENSITIVE_ORDER}) or an instance of a
 * registered class. Values that cannot be stored fail with {@link UnsupportedValueException} naming
 * the field path; bytes that cannot be decoded fail with {@link SnapshotFormatException}.
 */
public final class SnapshotCodec {

  /** Version of the uncompressed encoding; decoding rejects any other. */
  public static final int FORMAT_VERSION = Format.VERSION;

  private final TypeRegistry registry;
  /**
   * The last encode's output buffer, reused so that a large snapshot does not allocate and zero a
   * fresh multi-megabyte buffer each time; a concurrent encode simply allocates its own.
   */
  private final AtomicReference<byte[]> scratch = new AtomicReference<>();
  private volatile int lastObjectCount = 16;

  /** Creates a codec for {@code registry}, which is {@link TypeRegistry#freeze() frozen} here. */
  public SnapshotCodec(TypeRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry").freeze();
  }

  /** The registry this codec uses. */
  public TypeRegistry registry() {
    return registry;
  }

  /** Encodes the graph reachable from {@code root} (which may be null) for a snapshot. */
  public byte[] encode(Object root) {
    return encodeWith(new byte[0], root, null);
  }

  /**
   * Encodes a snapshot of {@code root} behind {@code header}, in one array: a caller's own header (the
   * VM's code version) can then be checked before anything is decoded, without copying the encoding.
   */
  public byte[] encode(byte[] header, Object root) {
    return encodeWith(Objects.requireNonNull(header, "header"), root, null);
  }

  /**
   * Encodes a payload: objects for which {@code refs} returns an id are written as that id and are
   * looked up again by {@link #decode(byte[], Function)}.
   */
  public byte[] encode(Object root, ExternalRefs refs) {
    return encodeWith(new byte[0], root, Objects.requireNonNull(refs, "refs"));
  }

  private byte[] encodeWith(byte[] header, Object root, ExternalRefs refs) {
    byte[] buffer = scratch.getAndSet(null);
    // Size the identity table like the last snapshot's, so a big snapshot does not rehash while
    // writing; payloads are small and start small.
    int expectedObjects = refs == null ? lastObjectCount : 16;
    Encoder encoder = new Encoder(registry, refs, buffer != null ? buffer : new byte[4096], expectedObjects);
    try {
      byte[] bytes = encoder.encode(header, root);
      if (refs == null) {
        lastObjectCount = encoder.objectCount();
      }
      return bytes;
    } finally {
      scratch.set(encoder.scratch());
    }
  }

  /** Like {@link #encodeSealed(byte[], Object)} without a header. */
  public SealedEncoding encodeSealed(Object root) {
    return encodeSealed(new byte[0], root);
  }

  /**
   * Encodes a snapshot like {@link #encode(byte[], Object)}, then hashes and compresses it, all in one
   * call that is faster than the three one after the other: each block of the encoding is deflated on
   * the common pool as soon as it is complete, while encoding goes on; then this thread hashes and
   * deflates the blocks no pool thread has started. Gives the same bytes and hash as {@link #compress}
   * and {@link #sha256} of the encoding. A model thread that must not wait for compression calls
   * {@link #encode(byte[], Object)} instead and leaves the rest to another thread.
   */
  public SealedEncoding encodeSealed(byte[] header, Object root) {
    Objects.requireNonNull(header, "header");
    byte[] buffer = scratch.getAndSet(null);
    Encoder encoder = new Encoder(registry, null, buffer != null ? buffer : new byte[4096], lastObjectCount);
    BlockCompressor blocks = new BlockCompressor();
    int length;
    try {
      length = encoder.encodeInBlocks(header, root, blocks);
    } catch (RuntimeException | Error e) {
      // The buffer is not reused: a pool thread may still be deflating a block of it.
      blocks.abandon();
      throw e;
    }
    lastObjectCount = encoder.objectCount();
    byte[] encoding = encoder.scratch();
    byte[] hash = Compression.sha256(encoding, 0, length);
    byte[] compressed = blocks.container();
    scratch.set(encoding);
    return new SealedEncoding(compressed, hash, length);
  }

  /** Decodes bytes written by {@link #encode(Object)} with the same registered types. */
  public Object decode(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    return new Decoder(registry, null, encoded, 0).decode();
  }

  /** Decodes a snapshot written by {@link #encode(byte[], Object)} from where its header ends. */
  public Object decode(byte[] encoded, int offset) {
    Objects.requireNonNull(encoded, "encoded");
    if (offset < 0 || offset > encoded.length) {
      throw new IllegalArgumentException("offset " + offset + " is outside the " + encoded.length + " bytes");
    }
    return new Decoder(registry, null, encoded, offset).decode();
  }

  /**
   * Decodes a payload written by {@link #encode(Object, ExternalRefs)}; {@code resolver} maps each
   * external id back to its object and must not return null.
   */
  public Object decode(byte[] encoded, Function<String, Object> resolver) {
    Objects.requireNonNull(encoded, "encoded");
    Objects.requireNonNull(resolver, "resolver");
    return new Decoder(registry, resolver, encoded, 0).decode();
  }

  /**
   * Compresses an encoding for storage or upload (zlib at its fastest level, in fixed-size blocks
   * deflated in parallel on the common pool and the calling thread, in a container that records each
   * block's sizes); call it off the model thread.
   */
  public static byte[] compress(byte[] encoded) {
    return Compression.compress(encoded);
  }

  /** Reverses {@link #compress}; fails if the declared size exceeds {@code maxLength}. */
  public static byte[] decompress(byte[] compressed, int maxLength) {
    return Compression.decompress(compressed, maxLength);
  }

  /** SHA-256 of an (uncompressed) encoding: the state hash replicas compare. */
  public static byte[] sha256(byte[] encoded) {
    return Compression.sha256(encoded);
  }
}
