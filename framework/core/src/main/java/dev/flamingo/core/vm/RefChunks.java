package dev.flamingo.core.vm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A long column of references held as chunks of at most {@value #SIZE} entries, for the flat snapshot
 * forms of the VM's tables. Why chunks: G1 allocates an array of half a region or more (512 KB with its
 * smallest, 1 MB, regions) as a humongous object straight into the old generation, and each such
 * allocation may start a concurrent collection. With 100,000 models the flat forms made five of them per
 * capture, which made capture slower and erratic. Single thread.
 */
final class RefChunks {
  /** 128 KB of references with compressed pointers, 256 KB without. */
  static final int SIZE = 1 << 15;

  private RefChunks() {}

  /** Appends references; the chunks are full but for the last, so equal columns give equal chunks. */
  static final class Writer {
    private final List<Object[]> full = new ArrayList<>();
    private Object[] current;
    private int pos;

    Writer(int expected) {
      current = new Object[Math.max(16, Math.min(SIZE, expected))];
    }

    void add(Object ref) {
      if (pos == current.length) {
        if (current.length < SIZE) {
          current = Arrays.copyOf(current, Math.min(SIZE, current.length * 2));
        } else {
          full.add(current);
          current = new Object[SIZE];
          pos = 0;
        }
      }
      current[pos++] = ref;
    }

    Object[][] toArray() {
      List<Object[]> chunks = new ArrayList<>(full);
      if (pos > 0) {
        chunks.add(pos == current.length ? current : Arrays.copyOf(current, pos));
      }
      return chunks.toArray(new Object[0][]);
    }
  }

  /** Reads references back from decoded, hence untrusted, chunks: a missing chunk is a corrupt snapshot. */
  static final class Reader {
    private final Object[][] chunks;
    private final String what;
    private final int total;
    private int chunk;
    private int pos;
    private int read;

    Reader(Object[][] chunks, String what) {
      this.chunks = chunks;
      this.what = what;
      long sum = 0;
      for (Object[] c : chunks) {
        if (c == null) {
          throw corrupt(what, "has a missing chunk");
        }
        sum += c.length;
      }
      if (sum > Integer.MAX_VALUE) {
        throw corrupt(what, "has " + sum + " entries");
      }
      this.total = (int) sum;
    }

    /** Entries not read yet. */
    int remaining() {
      return total - read;
    }

    /** The next entry; check {@link #remaining()} first. */
    Object next() {
      while (pos == chunks[chunk].length) {
        chunk++;
        pos = 0;
      }
      read++;
      return chunks[chunk][pos++];
    }
  }

  static IllegalArgumentException corrupt(String what, String problem) {
    return new IllegalArgumentException("corrupt snapshot: the " + what + " " + problem);
  }
}
