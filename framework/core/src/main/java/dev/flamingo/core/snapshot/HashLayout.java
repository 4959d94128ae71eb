package dev.flamingo.core.snapshot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;

/**
 * Reads and restores the private sizing state of HashMap/HashSet (table length, threshold, load
 * factor) so that a restored map iterates in the same order as the original, now and after any
 * later sequence of puts and removes; stateless, any thread.
 *
 * <p>Why: a HashMap iterates bucket by bucket, and the bucket of a key depends on the table length.
 * Re-inserting the entries in iteration order into a table of the same length reproduces both the
 * bucket order and the order inside each bucket; restoring the threshold makes the next resize
 * happen at the same size. Field offsets come from {@code getDeclaredField}, which needs no
 * {@code --add-opens}; the values are read and written with Unsafe.
 */
final class HashLayout {

  private static final long TABLE = UnsafeAccess.offset(HashMap.class, "table");
  private static final long THRESHOLD = UnsafeAccess.offset(HashMap.class, "threshold");
  private static final long LOAD_FACTOR = UnsafeAccess.offset(HashMap.class, "loadFactor");
  private static final long SET_MAP = UnsafeAccess.offset(HashSet.class, "map");
  private static final long ACCESS_ORDER = UnsafeAccess.offset(LinkedHashMap.class, "accessOrder");
  private static final Object ALLOCATE = new Object();
  private static final Class<?> TREE_NODE = treeNodeClass();

  private HashLayout() {}

  static HashMap<?, ?> backingMap(HashSet<?> set) {
    return (HashMap<?, ?>) UnsafeAccess.U.getObject(set, SET_MAP);
  }

  static int tableLength(HashMap<?, ?> map) {
    Object[] table = (Object[]) UnsafeAccess.U.getObject(map, TABLE);
    return table == null ? 0 : table.length;
  }

  /**
   * Returns a key from a bucket that HashMap has turned into a red-black tree (8+ colliding keys),
   * or null. The order inside such a bucket depends on the tree's history, which re-inserting
   * cannot reproduce, so the codec refuses these maps instead of restoring a different order.
   */
  static Object keyInTreeBin(HashMap<?, ?> map) {
    Object[] table = (Object[]) UnsafeAccess.U.getObject(map, TABLE);
    if (table == null || table.length < 64) { // HashMap only treeifies tables of 64 or more
      return null;
    }
    for (Object bin : table) {
      if (bin != null && bin.getClass() == TREE_NODE) {
        return ((java.util.Map.Entry<?, ?>) bin).getKey();
      }
    }
    return null;
  }

  private static Class<?> treeNodeClass() {
    try {
      return Class.forName("java.util.HashMap$TreeNode");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static int threshold(HashMap<?, ?> map) {
    return UnsafeAccess.U.getInt(map, THRESHOLD);
  }

  static float loadFactor(HashMap<?, ?> map) {
    return UnsafeAccess.U.getFloat(map, LOAD_FACTOR);
  }

  static boolean accessOrder(LinkedHashMap<?, ?> map) {
    return UnsafeAccess.U.getBoolean(map, ACCESS_ORDER);
  }

  /** Checks sizing read from untrusted input; table length 0 means "not allocated yet". */
  static void validate(ByteIn in, int tableLength, int threshold, float loadFactor, int size) {
    if (tableLength < 0 || tableLength > (1 << 30) || Integer.bitCount(tableLength) > 1) {
      throw in.bad("hash table length " + tableLength + " is not 0 or a power of two up to 2^30");
    }
    if (!(loadFactor > 0 && loadFactor <= 1000) || threshold < 0) {
      throw in.bad("bad hash sizing: load factor " + loadFactor + ", threshold " + threshold);
    }
    if (size > 0 && tableLength == 0) {
      throw in.bad("hash map with " + size + " entries has no table");
    }
    // A HashMap resizes as soon as its size passes (int) (length * loadFactor), so a genuine map
    // never holds more; checking it here also stops a tiny load factor from growing the table to
    // 2^30 slots during insertion.
    if (tableLength < (1 << 30) && size > (int) (tableLength * loadFactor)) {
      throw in.bad(size + " entries exceed the threshold of a table of " + tableLength
          + " with load factor " + loadFactor);
    }
  }

  static <K, V> HashMap<K, V> newMap(int tableLength, float loadFactor) {
    return new HashMap<>(tableLength == 0 ? 1 : tableLength, loadFactor);
  }

  static <E> HashSet<E> newSet(int tableLength, float loadFactor) {
    return new HashSet<>(tableLength == 0 ? 1 : tableLength, loadFactor);
  }

  /**
   * Called after the entries were inserted: allocates an empty-but-allocated table like the
   * original's, restores the threshold, and verifies the table length.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void finish(ByteIn in, HashMap map, int tableLength, int threshold) {
    if (tableLength > 0 && map.isEmpty()) {
      map.put(ALLOCATE, null);
      map.remove(ALLOCATE);
    }
    if (tableLength(map) != tableLength) {
      throw in.bad("hash map of " + map.size() + " entries does not fit a table of " + tableLength);
    }
    UnsafeAccess.U.putInt(map, THRESHOLD, threshold);
  }

  /**
   * A linked map sized for {@code size} entries, so filling a large one does not rehash it again and
   * again. Its table size is invisible (iteration follows the links and is not encoded), so this shapes
   * no bytes. The hint is capped: a hostile count cannot make one small input allocate a huge table.
   */
  static LinkedHashMap<Object, Object> newLinkedMap(boolean accessOrder, int size) {
    return new LinkedHashMap<>(presized(size), 0.75f, accessOrder);
  }

  /** A capacity that holds {@code size} entries without resizing, at most 2^20 entries' worth. */
  static int presized(int size) {
    return (int) (Math.min(size, 1 << 20) / 0.75f) + 1;
  }
}
