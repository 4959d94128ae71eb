package dev.flamingo.core.snapshot;

/**
 * The most recently written strings, by value, so that a string equal to one of them is written as
 * a back reference. Direct-mapped by {@code String.hashCode} (which the JDK specifies), so what is
 * remembered, and thus every byte written, depends only on the sequence of string values, never on
 * string identity. A small fixed table stays in the CPU cache: repeated strings (names, colours,
 * keys that are also fields) cost almost nothing, and unique ones cost one probe. Single thread.
 */
final class StringCache {

  private final String[] strings;
  /** Hash codes kept beside the strings, so a mismatch never touches an evicted string's memory. */
  private final int[] hashes;
  private final int[] indices;
  private final int mask;

  /** {@code size} must be a power of two. */
  StringCache(int size) {
    strings = new String[size];
    hashes = new int[size];
    indices = new int[size];
    mask = size - 1;
  }

  /** Returns the index of an equal string still remembered, or -1 after remembering this one. */
  int putIfAbsent(String s, int next) {
    int h = s.hashCode();
    int i = (h ^ (h >>> 16)) & mask;
    String k = strings[i];
    if (k != null && hashes[i] == h && (k == s || k.equals(s))) {
      return indices[i];
    }
    strings[i] = s;
    hashes[i] = h;
    indices[i] = next;
    return -1;
  }
}
