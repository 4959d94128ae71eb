package dev.flamingo.core.vm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Columns of numbers packed as zigzag varints into byte arrays of at most {@value #CHUNK} bytes, for the
 * flat snapshot forms of VM tables: the codec copies a byte array in one go, where a field or a long
 * array element costs it a write each (and a long array eight bytes per number). Chunks keep every array
 * small for the reason {@link RefChunks} gives; a number never spans two. Single thread.
 */
final class PackedLongs {
  static final int CHUNK = 1 << 16;
  /** The longest varint of a long. */
  private static final int MAX_NUMBER = 10;

  private PackedLongs() {}

  /** Appends numbers to growing chunks. */
  static final class Writer {
    private final List<byte[]> closed = new ArrayList<>();
    private byte[] buf;
    private int pos;

    Writer(int expectedNumbers) {
      buf = new byte[Math.max(16, Math.min(CHUNK, expectedNumbers * 2))];
    }

    void add(long v) {
      if (buf.length - pos < MAX_NUMBER) {
        room();
      }
      long u = (v << 1) ^ (v >> 63);
      while ((u & ~0x7FL) != 0) {
        buf[pos++] = (byte) ((u & 0x7F) | 0x80);
        u >>>= 7;
      }
      buf[pos++] = (byte) u;
    }

    private void room() {
      if (buf.length < CHUNK) {
        buf = Arrays.copyOf(buf, Math.min(CHUNK, buf.length * 2));
      } else {
        closed.add(Arrays.copyOf(buf, pos));
        pos = 0;
      }
    }

    byte[][] toArray() {
      List<byte[]> chunks = new ArrayList<>(closed);
      if (pos > 0) {
        chunks.add(Arrays.copyOf(buf, pos));
      }
      return chunks.toArray(new byte[0][]);
    }
  }

  /** Reads numbers back from decoded, hence untrusted, chunks: a bad encoding is a corrupt snapshot. */
  static final class Reader {
    private final byte[][] chunks;
    private final String what;
    private byte[] buf;
    private int chunk;
    private int pos;

    Reader(byte[][] chunks, String what) {
      this.chunks = chunks;
      this.what = what;
      for (byte[] c : chunks) {
        if (c == null) {
          throw corrupt("has a missing chunk");
        }
      }
      buf = chunks.length == 0 ? new byte[0] : chunks[0];
    }

    long next() {
      if (atEnd()) {
        throw corrupt("ends before a number it needs");
      }
      long u = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos == buf.length) {
          throw corrupt("ends in the middle of a number");
        }
        byte b = buf[pos++];
        u |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return (u >>> 1) ^ -(u & 1);
        }
      }
      throw corrupt("has a number longer than 10 bytes");
    }

    /** A number that must lie in {@code [min, max]}. */
    int nextInt(int min, int max, String name) {
      long v = next();
      if (v < min || v > max) {
        throw corrupt("has " + name + " " + v + " outside " + min + ".." + max);
      }
      return (int) v;
    }

    /** True when every chunk is read; moves on to the next chunk with bytes left. */
    boolean atEnd() {
      while (pos == buf.length && chunk + 1 < chunks.length) {
        buf = chunks[++chunk];
        pos = 0;
      }
      return pos == buf.length;
    }

    IllegalArgumentException corrupt(String problem) {
      return RefChunks.corrupt(what, problem);
    }
  }
}
