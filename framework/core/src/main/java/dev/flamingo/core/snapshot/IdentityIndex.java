package dev.flamingo.core.snapshot;

/**
 * Open-addressing map from object identity to its index in the encoding. Identity hash codes only
 * place entries in this private table; they never influence the bytes written. Single thread.
 *
 * <p>Why segments: with G1, every reference stored into a humongous array (over half a region,
 * e.g. 512 KB) takes the slow write-barrier path; a flat table for 100,000 objects is humongous and
 * made encoding several times slower. Segments of 16K references stay ordinary young objects.
 */
final class IdentityIndex {

  private static final int SEGMENT_BITS = 14;
  private static final int SEGMENT_MASK = (1 << SEGMENT_BITS) - 1;

  private Object[][] keys;
  private int[] values;
  private int mask;
  private int size;

  IdentityIndex(int expected) {
    allocate(Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1);
  }

  private void allocate(int capacity) {
    int segmentSize = Math.min(capacity, 1 << SEGMENT_BITS);
    keys = new Object[capacity / segmentSize][];
    for (int s = 0; s < keys.length; s++) {
      keys[s] = new Object[segmentSize];
    }
    values = new int[capacity];
    mask = capacity - 1;
  }

  /** Returns the index of {@code key}, or -1 after recording it under {@code next}. */
  int putIfAbsent(Object key, int next) {
    int i = mix(System.identityHashCode(key)) & mask;
    Object k;
    while ((k = keys[i >>> SEGMENT_BITS][i & SEGMENT_MASK]) != null) {
      if (k == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    keys[i >>> SEGMENT_BITS][i & SEGMENT_MASK] = key;
    values[i] = next;
    if (++size * 2 > mask) {
      rehash();
    }
    return -1;
  }

  int size() {
    return size;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void rehash() {
    Object[][] oldKeys = keys;
    int[] oldValues = values;
    allocate((mask + 1) * 2);
    for (int j = 0; j < oldValues.length; j++) {
      Object k = oldKeys[j >>> SEGMENT_BITS][j & SEGMENT_MASK];
      if (k != null) {
        int i = mix(System.identityHashCode(k)) & mask;
        while (keys[i >>> SEGMENT_BITS][i & SEGMENT_MASK] != null) {
          i = (i + 1) & mask;
        }
        keys[i >>> SEGMENT_BITS][i & SEGMENT_MASK] = k;
        values[i] = oldValues[j];
      }
    }
  }
}
