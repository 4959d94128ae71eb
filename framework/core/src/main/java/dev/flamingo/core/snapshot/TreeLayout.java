package dev.flamingo.core.snapshot;

import java.util.Comparator;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sets the comparator of a TreeMap/TreeSet after creation. Why: the empty map must exist before its
 * comparator is decoded (the comparator may refer back to it), and the field is final, so it is set
 * with Unsafe before any entry is inserted; stateless, any thread.
 */
final class TreeLayout {

  private static final long COMPARATOR = UnsafeAccess.offset(TreeMap.class, "comparator");
  private static final long SET_MAP = UnsafeAccess.offset(TreeSet.class, "m");

  private TreeLayout() {}

  static void setComparator(TreeMap<?, ?> map, Comparator<?> comparator) {
    UnsafeAccess.U.putObject(map, COMPARATOR, comparator);
  }

  static void setComparator(TreeSet<?> set, Comparator<?> comparator) {
    setComparator((TreeMap<?, ?>) UnsafeAccess.U.getObject(set, SET_MAP), comparator);
  }
}
