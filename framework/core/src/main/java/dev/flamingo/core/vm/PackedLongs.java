package dev.flamingo.core.vm;

import java.util.Arrays;

/**
 * Columns of numbers packed as zigzag varints into one byte array, for the flat snapshot forms of VM
 * tables: the codec copies a byte array in one go, where a field or a long array element costs it a
 * write each (and a long array eight bytes per number). Single thread.
 */
final class PackedLongs {
  private PackedLongs() {}

  /** Appends numbers to a growing buffer. */
  static final class Writer {
    private byte[] buf;
    private int pos;

    Writer(int expectedNumbers) {
      buf = new byte[Math.max(16, expectedNumbers * 2)];
    }

    void add(long v) {
      if (buf.length - pos < 10) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      long u = (v << 1) ^ (v >> 63);
      while ((u & ~0x7FL) != 0) {
        buf[pos++] = (byte) ((u & 0x7F) | 0x80);
        u >>>= 7;
      }
      buf[pos++] = (byte) u;
    }

    byte[] toArray() {
      return Arrays.copyOf(buf, pos);
    }
  }

  /** Reads numbers back from decoded, hence untrusted, bytes: a bad encoding is a corrupt snapshot. */
  static final class Reader {
    private final byte[] buf;
    private final String what;
    private int pos;

    Reader(byte[] buf, String what) {
      this.buf = buf;
      this.what = what;
    }

    long next() {
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

    boolean atEnd() {
      return pos == buf.length;
    }

    IllegalArgumentException corrupt(String problem) {
      return new IllegalArgumentException("corrupt snapshot: the " + what + " " + problem);
    }
  }
}
