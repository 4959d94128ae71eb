package dev.flamingo.core.snapshot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compressed container and hashing, kept apart from encoding so they can run off the model thread;
 * stateless, any thread.
 *
 * <pre>
 * container := magic "FLSZ" | int32 uncompressed length (little endian) | zlib stream
 * </pre>
 */
final class Compression {

  private static final byte[] MAGIC = {'F', 'L', 'S', 'Z'};
  private static final int HEADER = 8;

  private Compression() {}

  static byte[] compress(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(encoded);
      deflater.finish();
      byte[] out = new byte[HEADER + Math.max(64, encoded.length / 2)];
      System.arraycopy(MAGIC, 0, out, 0, 4);
      putInt(out, 4, encoded.length);
      int n = HEADER;
      while (!deflater.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        n += deflater.deflate(out, n, out.length - n);
      }
      return Arrays.copyOf(out, n);
    } finally {
      deflater.end();
    }
  }

  static byte[] decompress(byte[] compressed, int maxLength) {
    Objects.requireNonNull(compressed, "compressed");
    if (compressed.length < HEADER || !Arrays.equals(compressed, 0, 4, MAGIC, 0, 4)) {
      throw new SnapshotFormatException("not a compressed Flamingo snapshot: bad magic (expected 'FLSZ')");
    }
    int length = getInt(compressed, 4);
    if (length < 0 || length > maxLength) {
      throw new SnapshotFormatException("declared size " + (length & 0xFFFFFFFFL)
          + " exceeds the limit of " + maxLength + " bytes");
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed, HEADER, compressed.length - HEADER);
      byte[] out = new byte[length];
      int n = 0;
      while (n < length) {
        int k = inflater.inflate(out, n, length - n);
        if (k == 0) {
          break; // finished early, or needs input or a dictionary it will never get
        }
        n += k;
      }
      if (n != length || !inflater.finished() || inflater.getRemaining() != 0) {
        throw new SnapshotFormatException("compressed data does not match its declared size " + length);
      }
      return out;
    } catch (DataFormatException e) {
      throw new SnapshotFormatException("corrupt compressed data: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  static byte[] sha256(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    try {
      return MessageDigest.getInstance("SHA-256").digest(encoded);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
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
