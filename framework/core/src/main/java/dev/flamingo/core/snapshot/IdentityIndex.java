package dev.flamingo.core.snapshot;

/**
 * Open-addressing map from object identity to its index in the encoding. Identity hash codes only
 * place entries in this private table; they never influence the bytes written. Single thread.
 */
final class IdentityIndex {

  private Object[] keys;
  private int[] values;
  private int mask;
  private int size;

  IdentityIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
    keys = new Object[cap];
    values = new int[cap];
    mask = cap - 1;
  }

  /** Returns the index of {@code key}, or -1 after recording it under {@code next}. */
  int putIfAbsent(Object key, int next) {
    int i = mix(System.identityHashCode(key)) & mask;
    Object k;
    while ((k = keys[i]) != null) {
      if (k == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = next;
    if (++size * 2 > keys.length) {
      rehash();
    }
    return -1;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void rehash() {
    Object[] oldKeys = keys;
    int[] oldValues = values;
    keys = new Object[oldKeys.length * 2];
    values = new int[keys.length];
    mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      Object k = oldKeys[j];
      if (k != null) {
        int i = mix(System.identityHashCode(k)) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = oldValues[j];
      }
    }
  }
}
