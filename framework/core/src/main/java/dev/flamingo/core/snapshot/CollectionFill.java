package dev.flamingo.core.snapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Creates and fills the decoded JDK collections; stateless, called by {@link Decoder}. */
final class CollectionFill {

  private CollectionFill() {}

  static Object newSequence(int kind, int size) {
    switch (kind) {
      case TypeInfo.ARRAY_LIST:
        return new ArrayList<>(size);
      case TypeInfo.LINKED_LIST:
        return new LinkedList<>();
      case TypeInfo.ARRAY_DEQUE:
        return new ArrayDeque<>(size);
      default:
        return new LinkedHashSet<>(HashLayout.presized(size)); // see HashLayout.newLinkedMap
    }
  }

  static void addAll(ByteIn in, Collection<Object> target, Object[] elements) {
    try {
      target.addAll(Arrays.asList(elements));
    } catch (NullPointerException e) {
      throw in.bad("null element in an ArrayDeque");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static void populate(ByteIn in, DecodeFrame d) {
    Object[] b = d.buf;
    switch (d.info.kind) {
      case TypeInfo.HASH_MAP:
        putPairs((Map) d.obj, b, 0);
        HashLayout.finish(in, (HashMap) d.obj, d.tableLength, d.threshold);
        break;
      case TypeInfo.HASH_SET:
        ((HashSet) d.obj).addAll(Arrays.asList(b));
        HashLayout.finish(in, HashLayout.backingMap((HashSet) d.obj), d.tableLength, d.threshold);
        break;
      case TypeInfo.TREE_MAP:
        TreeLayout.setComparator((TreeMap) d.obj, comparator(in, b[0]));
        putPairs((Map) d.obj, b, 1);
        break;
      case TypeInfo.TREE_SET:
        TreeLayout.setComparator((TreeSet) d.obj, comparator(in, b[0]));
        ((TreeSet) d.obj).addAll(Arrays.asList(b).subList(1, b.length));
        break;
      case TypeInfo.LINKED_HASH_MAP:
      case TypeInfo.ENUM_MAP:
        putPairs((Map) d.obj, b, 0);
        break;
      default:
        ((Collection) d.obj).addAll(Arrays.asList(b));
    }
  }

  private static Comparator<?> comparator(ByteIn in, Object o) {
    if (o != null && !(o instanceof Comparator)) {
      throw in.bad(o.getClass().getName() + " is not a Comparator");
    }
    return (Comparator<?>) o;
  }

  private static void putPairs(Map<Object, Object> map, Object[] b, int from) {
    for (int i = from; i < b.length; i += 2) {
      map.put(b[i], b[i + 1]);
    }
  }
}
