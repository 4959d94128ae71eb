package dev.flamingo.core.snapshot;

import static dev.flamingo.core.snapshot.Fixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.snapshot.Fixtures.AllFields;
import dev.flamingo.core.snapshot.Fixtures.ByLength;
import dev.flamingo.core.snapshot.Fixtures.Counted;
import dev.flamingo.core.snapshot.Fixtures.Derived;
import dev.flamingo.core.snapshot.Fixtures.Holder;
import dev.flamingo.core.snapshot.Fixtures.Item;
import dev.flamingo.core.snapshot.Fixtures.Point;
import dev.flamingo.core.snapshot.Fixtures.Shape;
import dev.flamingo.core.snapshot.Fixtures.Square;
import dev.flamingo.core.snapshot.Fixtures.Suit;
import dev.flamingo.core.snapshot.Fixtures.Tagged;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RoundTripTest {

  @Test
  void primitiveFieldsAndTransientAndStatic() {
    AllFields a = new AllFields();
    a.z = true;
    a.b = -7;
    a.s = Short.MIN_VALUE;
    a.c = '\uFFFF';
    a.i = Integer.MIN_VALUE;
    a.j = Long.MAX_VALUE;
    a.f = Float.intBitsToFloat(0x7FC0_1234);
    a.d = -0.0;
    a.any = "x";
    AllFields.counter = 42;
    AllFields copy = roundTrip(a);
    assertEquals(true, copy.z);
    assertEquals(-7, copy.b);
    assertEquals(Short.MIN_VALUE, copy.s);
    assertEquals('\uFFFF', copy.c);
    assertEquals(Integer.MIN_VALUE, copy.i);
    assertEquals(Long.MAX_VALUE, copy.j);
    assertEquals(0x7FC0_1234, Float.floatToRawIntBits(copy.f));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(copy.d));
    assertEquals("x", copy.any);
    assertNull(copy.cache, "transient fields are not stored, and no initializer runs");
  }

  @Test
  void doublesAreBitExact() {
    double[] values = {
      Double.NaN, Double.longBitsToDouble(0x7FF0_0000_0000_0001L), Double.longBitsToDouble(0xFFF8_0000_DEAD_BEEFL),
      -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 0.1
    };
    List<Object> boxed = new ArrayList<>();
    for (double v : values) {
      boxed.add(v);
      boxed.add((float) v);
    }
    double[] copy = roundTrip(values);
    List<Object> boxedCopy = roundTrip(boxed);
    for (int i = 0; i < values.length; i++) {
      assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(copy[i]));
      assertEquals(Double.doubleToRawLongBits(values[i]),
          Double.doubleToRawLongBits((Double) boxedCopy.get(2 * i)));
      assertEquals(Float.floatToRawIntBits((float) values[i]),
          Float.floatToRawIntBits((Float) boxedCopy.get(2 * i + 1)));
    }
  }

  @Test
  void boxesStringsAndBigNumbers() {
    List<Object> values = Arrays.asList(true, (byte) -1, (short) 300, 'x', -5, Long.MIN_VALUE, 1.5f, 2.5,
        "", "plain", "ünïcødé \u20AC", "\uD83D\uDE00 emoji", "\uD800 lone surrogate",
        new BigInteger("-123456789012345678901234567890"), BigInteger.ZERO,
        new BigDecimal("-3.14159265358979323846264338327950288"), new BigDecimal("1E+40"), null);
    Object[] copy = roundTrip(values.toArray());
    assertEquals(values, Arrays.asList(copy));
    assertEquals(((BigDecimal) values.get(16)).scale(), ((BigDecimal) copy[16]).scale());
  }

  @Test
  void constructorsDoNotRun() {
    Counted c = new Counted();
    c.x = 9;
    int before = Counted.constructed;
    assertEquals(9, roundTrip(c).x);
    assertEquals(before, Counted.constructed);
  }

  @Test
  void superclassFieldsIncludingShadowedOnes() {
    Derived d = new Derived();
    ((Fixtures.Base) d).shared = 1;
    d.shared = 2;
    d.baseOnly = "base";
    d.own = 3;
    Derived copy = roundTrip(d);
    assertEquals(1, ((Fixtures.Base) copy).shared);
    assertEquals(2, copy.shared);
    assertEquals("base", copy.baseOnly);
    assertEquals(3, copy.own);
  }

  @Test
  void enumsIncludingConstantBodies() {
    List<Suit> copy = roundTrip(new ArrayList<>(List.of(Suit.CLUBS, Suit.HEARTS)));
    assertSame(Suit.CLUBS, copy.get(0));
    assertSame(Suit.HEARTS, copy.get(1));
  }

  @Test
  void recordsIncludingCopyingConstructors() {
    List<String> items = new ArrayList<>(List.of("a", "b"));
    Tagged t = new Tagged("t", items);
    Point p = new Point(1, -2);
    Object[] copy = roundTrip(new Object[] {t, p, p});
    assertEquals(t, copy[0]);
    assertEquals(p, copy[1]);
    assertSame(copy[1], copy[2], "a shared record stays shared");
  }

  @Test
  void recordWithMutableBackReference() {
    Holder h = new Holder();
    Fixtures.Wrapper w = new Fixtures.Wrapper(h);
    h.value = w;
    Holder copy = roundTrip(h);
    assertSame(copy, ((Fixtures.Wrapper) copy.value).holder());
  }

  @Test
  void primitiveAndObjectArrays() {
    Object[] arrays = {
      new boolean[] {true, false}, new byte[] {1, -1}, new short[] {-3, 4}, new char[] {'a', '\uD800'},
      new int[] {Integer.MIN_VALUE, 0}, new long[] {Long.MIN_VALUE, 1}, new float[] {Float.NaN, -0f},
      new double[] {Double.NaN, 1e300}, new String[] {"a", null}, new int[][] {{1}, {2, 3}},
      new Shape[] {new Square(), null}, new Object[0]
    };
    Object[] copy = roundTrip(arrays);
    for (int i = 0; i < arrays.length; i++) {
      assertEquals(arrays[i].getClass(), copy[i].getClass());
      assertTrue(Arrays.deepEquals(new Object[] {arrays[i]}, new Object[] {copy[i]}) || i == 10, "index " + i);
    }
    assertTrue(((Shape[]) copy[10])[0] instanceof Square);
  }

  @Test
  void sequences() {
    ArrayList<Object> list = new ArrayList<>(Arrays.asList(1, null, "x"));
    LinkedList<Object> linked = new LinkedList<>(List.of(2, "y"));
    ArrayDeque<Object> deque = new ArrayDeque<>(List.of(3, "z"));
    List<Integer> immutable = List.of(1, 2, 3);
    List<Integer> small = List.of(7);
    List<Object> withNulls = Arrays.stream(new Object[] {null, 1}).toList();
    Object[] copy = roundTrip(new Object[] {list, linked, deque, immutable, small, withNulls});
    assertEquals(list, copy[0]);
    assertEquals(ArrayList.class, copy[0].getClass());
    assertEquals(linked, copy[1]);
    assertEquals(List.of(3, "z"), new ArrayList<>((ArrayDeque<?>) copy[2]));
    assertEquals(immutable, copy[3]);
    assertEquals(small, copy[4]);
    assertEquals(withNulls, copy[5]);
  }

  @Test
  void insertionAndAccessOrderedMapsAndSets() {
    LinkedHashMap<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true);
    lru.put("a", 1);
    lru.put("b", 2);
    lru.put("c", 3);
    lru.get("a");
    LinkedHashSet<String> set = new LinkedHashSet<>(List.of("z", "a", "m"));
    Object[] copy = roundTrip(new Object[] {lru, set});
    @SuppressWarnings("unchecked")
    LinkedHashMap<String, Integer> lruCopy = (LinkedHashMap<String, Integer>) copy[0];
    assertEquals(List.of("b", "c", "a"), new ArrayList<>(lruCopy.keySet()));
    lruCopy.get("b");
    assertEquals(List.of("c", "a", "b"), new ArrayList<>(lruCopy.keySet()), "still access ordered");
    assertEquals(List.of("z", "a", "m"), new ArrayList<>((LinkedHashSet<?>) copy[1]));
  }

  @Test
  void sortedMapsAndSetsKeepTheirComparator() {
    TreeMap<String, Integer> natural = new TreeMap<>(Map.of("b", 1, "a", 2));
    TreeMap<String, Integer> custom = new TreeMap<>(new ByLength());
    custom.put("ccc", 1);
    custom.put("a", 2);
    TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
    reversed.addAll(List.of("a", "c", "b"));
    TreeSet<String> caseless = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    caseless.addAll(List.of("B", "a"));
    Object[] copy = roundTrip(new Object[] {natural, custom, reversed, caseless});
    assertEquals(natural, copy[0]);
    @SuppressWarnings("unchecked")
    TreeMap<String, Integer> customCopy = (TreeMap<String, Integer>) copy[1];
    assertTrue(customCopy.comparator() instanceof ByLength);
    customCopy.put("bb", 3);
    assertEquals(List.of("a", "bb", "ccc"), new ArrayList<>(customCopy.keySet()));
    assertSame(Comparator.reverseOrder(), ((TreeSet<?>) copy[2]).comparator());
    assertEquals(List.of("c", "b", "a"), new ArrayList<>((TreeSet<?>) copy[2]));
    assertEquals(List.of("a", "B"), new ArrayList<>((TreeSet<?>) copy[3]));
  }

  @Test
  void enumSetsAndMapsIncludingEmptyOnes() {
    EnumSet<Suit> some = EnumSet.of(Suit.HEARTS);
    EnumSet<Suit> none = EnumSet.noneOf(Suit.class);
    EnumMap<Suit, String> map = new EnumMap<>(Suit.class);
    map.put(Suit.HEARTS, "h");
    map.put(Suit.CLUBS, "c");
    Object[] copy = roundTrip(new Object[] {some, none, map, new EnumMap<Suit, String>(Suit.class)});
    assertEquals(some, copy[0]);
    assertEquals(none, copy[1]);
    @SuppressWarnings("unchecked")
    EnumSet<Suit> noneCopy = (EnumSet<Suit>) copy[1];
    noneCopy.add(Suit.CLUBS); // proves the element type survived an empty set
    assertEquals(map, copy[2]);
    @SuppressWarnings("unchecked")
    EnumMap<Suit, String> emptyMap = (EnumMap<Suit, String>) copy[3];
    emptyMap.put(Suit.CLUBS, "x");
  }

  @Test
  void emptyCollectionsSingletons() {
    Object[] copy = roundTrip(new Object[] {Collections.emptyList(), Collections.emptyMap(), Collections.emptySet()});
    assertSame(Collections.emptyList(), copy[0]);
    assertSame(Collections.emptyMap(), copy[1]);
    assertSame(Collections.emptySet(), copy[2]);
  }

  @Test
  void adaptedValues() {
    Instant t = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
    Object[] copy = roundTrip(new Object[] {t, t});
    assertEquals(t, copy[0]);
    assertSame(copy[0], copy[1], "an adapted value shared in the graph stays shared");
  }

  @Test
  void cyclesAndSharedReferences() {
    Item a = new Item(1, "a");
    Item b = new Item(2, "b");
    a.next = b;
    b.next = a;
    a.children.add(a);
    a.children.add(b);
    b.children.add(b);
    Item copy = roundTrip(a);
    assertSame(copy, copy.next.next);
    assertSame(copy, copy.children.get(0));
    assertSame(copy.next, copy.children.get(1));
    assertSame(copy.next, copy.next.children.get(0));
    assertEquals("b", copy.next.name);
  }

  @Test
  void identityIsSharedAcrossCollections() {
    Item shared = new Item(7, "shared");
    ArrayList<Item> list = new ArrayList<>(List.of(shared));
    TreeMap<String, Item> map = new TreeMap<>(Map.of("k", shared));
    Item[] array = {shared};
    Object[] copy = roundTrip(new Object[] {list, map, array, list});
    Item fromList = ((List<?>) copy[0]).get(0) instanceof Item ? (Item) ((List<?>) copy[0]).get(0) : null;
    assertSame(fromList, ((Map<?, ?>) copy[1]).get("k"));
    assertSame(fromList, ((Item[]) copy[2])[0]);
    assertSame(copy[0], copy[3]);
  }

  @Test
  void hashSetKeyedByObjectsReferringBackToTheirOwner() {
    // The member is reached first through the owner's set while the member itself is still being
    // read: inserting it before its title is set would put it in the wrong bucket.
    Fixtures.Owner owner = new Fixtures.Owner();
    for (String name : List.of("x", "y", "z", "w")) {
      Fixtures.Member m = new Fixtures.Member();
      m.owner = owner;
      m.title = name;
      owner.members.add(m);
    }
    Fixtures.Member first = owner.members.iterator().next();
    Fixtures.Member copy = roundTrip(first);
    assertTrue(copy.owner.members.contains(copy), "lookups work after restore");
    assertEquals(4, copy.owner.members.size());
  }

  @Test
  void nullRoot() {
    assertNull(roundTrip(null));
  }

  @Test
  void identicalStateGivesIdenticalBytes() {
    byte[] first = Fixtures.CODEC.encode(sampleGraph());
    byte[] second = Fixtures.CODEC.encode(sampleGraph());
    assertArrayEquals(first, second);
    assertArrayEquals(SnapshotCodec.sha256(first), SnapshotCodec.sha256(second));
  }

  @Test
  void bytesDoNotDependOnWhatTheCodecEncodedBefore() {
    // 100 distinct strings, each repeated after the other 99: whether a repeat is written as a back
    // reference depends on the string cache, which must be the same for every replica.
    List<String> repeated = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 100; i++) {
        repeated.add("name" + i);
      }
    }
    SnapshotCodec fresh = new SnapshotCodec(Fixtures.registry());
    SnapshotCodec used = new SnapshotCodec(Fixtures.registry());
    used.encode(sampleGraph());
    List<Point> many = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      many.add(new Point(i, i));
    }
    used.encode(many);
    used.encode("small", value -> null);
    assertArrayEquals(fresh.encode(repeated), used.encode(repeated));
  }

  @Test
  void compressionRoundTrips() {
    byte[] encoded = Fixtures.CODEC.encode(sampleGraph());
    byte[] compressed = SnapshotCodec.compress(encoded);
    assertArrayEquals(encoded, SnapshotCodec.decompress(compressed, encoded.length));
  }

  @Test
  void compressionSpanningSeveralBlocksRoundTripsAndIsReproducible() {
    byte[] encoded = new byte[2 * Compression.BLOCK + 12_345];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = (byte) (i * 31 ^ i >>> 9);
    }
    byte[] compressed = SnapshotCodec.compress(encoded);
    assertEquals(3, compressed[4], "block count");
    assertArrayEquals(encoded, SnapshotCodec.decompress(compressed, encoded.length));
    assertArrayEquals(compressed, SnapshotCodec.compress(encoded));
  }

  @Test
  void emptyEncodingCompressesToZeroBlocks() {
    assertEquals(0, SnapshotCodec.decompress(SnapshotCodec.compress(new byte[0]), 0).length);
  }

  static Object sampleGraph() {
    Item root = new Item(0, "root");
    Item prev = root;
    for (int i = 1; i < 200; i++) {
      Item next = new Item(i, "item" + i);
      prev.next = next;
      prev.children.add(root);
      prev = next;
    }
    Map<String, Object> state = new java.util.HashMap<>();
    state.put("root", root);
    state.put("points", new ArrayList<>(List.of(new Point(1, 2), new Point(3, 4))));
    state.put("suits", new TreeSet<>(List.of(Suit.HEARTS, Suit.CLUBS)));
    return state;
  }
}
