package dev.flamingo.core.snapshot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Compressed container and hashing, kept apart from encoding so they can run off the model thread;
 * stateless, any thread.
 *
 * <pre>
 * container := magic "FLZ2" | int32 block count n | n x (int32 raw size, int32 packed size)
 *              | n zlib streams, one per block          (all integers little endian)
 * </pre>
 *
 * <p>The encoding is cut into fixed {@value #BLOCK}-byte blocks, each deflated on its own so blocks can
 * be (de)compressed in parallel. Boundaries depend on the size only, never on the core count, so the
 * same encoding always yields the same bytes. Nothing compares compressed bytes (replicas compare the
 * hash of the encoding), but reproducible output keeps uploads and tests easy to reason about.
 * Blocks are small enough that a few megabytes make a dozen or more, so the two threads of a two-core
 * machine share them evenly (with 1 MiB blocks, 3.3 MB made three and a bit, and one thread deflated two
 * while the other idled), and large enough that the cut costs nothing: 256 KiB blocks of the
 * 100,000-object benchmark state deflate to 0.04% more bytes than one stream. The reader takes any block
 * sizes the table declares. See {@link BlockDeflate} for how each block is deflated.
 *
 * <p>Blocks are deflated on {@link java.util.concurrent.ForkJoinPool#commonPool()} (see {@link
 * BlockCompressor}) and inflated as a parallel stream there: its threads are daemons that already exist,
 * the framework puts nothing else there (model code may not touch it), and the calling thread works
 * through blocks itself, so a busy pool degrades to sequential speed instead of blocking. On two cores
 * that is one pool worker plus the caller.
 */
final class Compression {

  static final int BLOCK = 1 << 18;
  private static final byte[] MAGIC = {'F', 'L', 'Z', '2'};
  private static final byte[] OLD_MAGIC = {'F', 'L', 'S', 'Z'};
  private static final int HEADER = 8;

  private Compression() {}

  static byte[] compress(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    BlockCompressor blocks = new BlockCompressor();
    blocks.finish(encoded, encoded.length);
    return blocks.container();
  }

  /** The container of blocks with these raw sizes and deflated bytes, in order. */
  static byte[] container(int[] rawSizes, byte[][] packed) {
    int n = packed.length;
    int tableEnd = HEADER + 8 * n;
    int total = tableEnd;
    for (byte[] p : packed) {
      total += p.length;
    }
    byte[] out = new byte[total];
    System.arraycopy(MAGIC, 0, out, 0, 4);
    putInt(out, 4, n);
    for (int i = 0, at = tableEnd; i < n; at += packed[i].length, i++) {
      putInt(out, HEADER + 8 * i, rawSizes[i]);
      putInt(out, HEADER + 8 * i + 4, packed[i].length);
      System.arraycopy(packed[i], 0, out, at, packed[i].length);
    }
    return out;
  }

  static byte[] decompress(byte[] compressed, int maxLength) {
    Objects.requireNonNull(compressed, "compressed");
    BlockTable table = BlockTable.read(compressed, maxLength);
    byte[] out = new byte[table.rawLength()];
    IntStream.range(0, table.count()).parallel().forEach(i -> inflate(compressed, table, i, out));
    return out;
  }

  static byte[] sha256(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    return sha256(encoded, 0, encoded.length);
  }

  static byte[] sha256(byte[] encoding, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(encoding, offset, length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void inflate(byte[] compressed, BlockTable table, int block, byte[] out) {
    int length = table.raw(block);
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed, table.packedOffset(block), table.packed(block));
      int n = 0;
      while (n < length) {
        int k = inflater.inflate(out, table.rawOffset(block) + n, length - n);
        if (k == 0) {
          break; // finished early, or needs input or a dictionary it will never get
        }
        n += k;
      }
      if (n != length || !inflater.finished() || inflater.getRemaining() != 0) {
        throw new SnapshotFormatException("compressed block " + block + " does not match its declared size " + length);
      }
    } catch (DataFormatException e) {
      throw new SnapshotFormatException("corrupt compressed block " + block + ": " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** The validated block table of a container; immutable, any thread. */
  private record BlockTable(int[] rawOffsets, int[] packedOffsets) {

    /** Checks magic, table and sizes against {@code compressed.length} and {@code maxLength}. */
    static BlockTable read(byte[] compressed, int maxLength) {
      if (compressed.length >= 4 && Arrays.equals(compressed, 0, 4, OLD_MAGIC, 0, 4)) {
        throw new SnapshotFormatException("compressed Flamingo snapshot in the old single-stream format 'FLSZ'"
            + " from an earlier version; this version reads 'FLZ2' only");
      }
      if (compressed.length < HEADER || !Arrays.equals(compressed, 0, 4, MAGIC, 0, 4)) {
        throw new SnapshotFormatException("not a compressed Flamingo snapshot: bad magic (expected 'FLZ2')");
      }
      int n = getInt(compressed, 4);
      if (n < 0 || n > (compressed.length - HEADER) / 8) {
        throw new SnapshotFormatException("block count " + n + " does not fit a " + compressed.length
            + "-byte container (truncated block table?)");
      }
      int[] rawOffsets = new int[n + 1];
      int[] packedOffsets = new int[n + 1];
      long raw = 0;
      long packed = HEADER + 8L * n;
      packedOffsets[0] = (int) packed;
      for (int i = 0; i < n; i++) {
        raw += size(compressed, HEADER + 8 * i, "raw", i);
        packed += size(compressed, HEADER + 8 * i + 4, "packed", i);
        if (raw > maxLength) {
          throw new SnapshotFormatException("declared size of blocks 0.." + i + " (" + raw
              + " bytes) exceeds the limit of " + maxLength + " bytes");
        }
        if (packed > compressed.length) {
          throw new SnapshotFormatException("block " + i + " ends at byte " + packed + ", past the end of the "
              + compressed.length + "-byte container (truncated?)");
        }
        rawOffsets[i + 1] = (int) raw;
        packedOffsets[i + 1] = (int) packed;
      }
      if (packed != compressed.length) {
        throw new SnapshotFormatException((compressed.length - packed) + " trailing bytes after the last block");
      }
      return new BlockTable(rawOffsets, packedOffsets);
    }

    private static int size(byte[] compressed, int at, String what, int block) {
      int size = getInt(compressed, at);
      if (size < 0) {
        throw new SnapshotFormatException("negative " + what + " size " + size + " for block " + block);
      }
      return size;
    }

    int count() {
      return rawOffsets.length - 1;
    }

    int rawLength() {
      return rawOffsets[count()];
    }

    int raw(int block) {
      return rawOffsets[block + 1] - rawOffsets[block];
    }

    int rawOffset(int block) {
      return rawOffsets[block];
    }

    int packed(int block) {
      return packedOffsets[block + 1] - packedOffsets[block];
    }

    int packedOffset(int block) {
      return packedOffsets[block];
    }
  }

  private static void putInt(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }

  private static int getInt(byte[] b, int at) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (b[at + i] & 0xFF) << (8 * i);
    }
    return v;
  }
}
