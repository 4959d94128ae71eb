package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Registered test types and a round-trip helper shared by the snapshot tests. */
final class Fixtures {

  private Fixtures() {}

  /** A plain class with one field of every primitive type, a reference, and a transient cache. */
  static class AllFields {
    boolean z;
    byte b;
    short s;
    char c;
    int i;
    long j;
    float f;
    double d;
    Object any;
    transient String cache = "not stored";
    static int counter;
  }

  /** A small linked object, standing in for model state. */
  static class Item {
    int id;
    String name;
    double weight;
    Item next;
    final List<Item> children = new ArrayList<>();

    Item(int id, String name) {
      this.id = id;
      this.name = name;
      this.weight = id * 0.5;
    }
  }

  /** Counts constructor runs, to prove decoding runs none. */
  static final class Counted {
    static int constructed;
    int x;

    Counted() {
      constructed++;
    }
  }

  static class Base {
    int shared;
    String baseOnly;
  }

  static final class Derived extends Base {
    int shared;
    long own;
  }

  record Point(int x, int y) {}

  /** A record whose compact constructor copies its list, which therefore must be complete. */
  record Tagged(String tag, List<String> items) {
    Tagged {
      items = List.copyOf(items);
    }
  }

  /** A record holding a mutable object that may point back at the record. */
  record Wrapper(Holder holder) {}

  enum Suit {
    CLUBS,
    HEARTS {
      @Override
      public String toString() {
        return "hearts";
      }
    }
  }

  /** A mutable holder for any value. */
  static class Holder {
    Object value;

    Holder() {}

    Holder(Object value) {
      this.value = value;
    }
  }

  /** A HashMap key with a content hashCode; {@code bucket} lets tests force collisions. */
  static final class Key implements Comparable<Key> {
    final int k;
    final int bucket;

    Key(int k, int bucket) {
      this.k = k;
      this.bucket = bucket;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key && ((Key) o).k == k;
    }

    @Override
    public int hashCode() {
      return bucket;
    }

    @Override
    public int compareTo(Key o) {
      return Integer.compare(k, o.k);
    }

    @Override
    public String toString() {
      return "Key" + k;
    }
  }

  /** A key class whose hashCode refers back to the owner's state; see the deferred-fill test. */
  static final class Member {
    Owner owner;
    /** Sorted after {@code owner}, so it is still unset when the owner's set is first read. */
    String title;

    @Override
    public boolean equals(Object o) {
      return o instanceof Member && Objects.equals(((Member) o).title, title);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(title);
    }
  }

  static final class Owner {
    java.util.HashSet<Member> members = new java.util.HashSet<>();
  }

  static final class ByLength implements Comparator<String> {
    @Override
    public int compare(String a, String b) {
      int c = Integer.compare(a.length(), b.length());
      return c != 0 ? c : a.compareTo(b);
    }
  }

  /** Instant is a JDK class: stored through an adapter as {seconds, nanos}. */
  static final class InstantAdapter implements TypeAdapter<Instant> {
    @Override
    public Object write(Instant value) {
      return new long[] {value.getEpochSecond(), value.getNano()};
    }

    @Override
    public Instant read(Object written) {
      long[] a = (long[]) written;
      return Instant.ofEpochSecond(a[0], a[1]);
    }
  }

  interface Shape {}

  static final class Square implements Shape {
    int side;
  }

  static TypeRegistry registry() {
    return new TypeRegistry()
        .register("t.AllFields", AllFields.class)
        .register("t.Item", Item.class)
        .register("t.Counted", Counted.class)
        .register("t.Base", Base.class)
        .register("t.Derived", Derived.class)
        .register("t.Point", Point.class)
        .register("t.Tagged", Tagged.class)
        .register("t.Wrapper", Wrapper.class)
        .register("t.Suit", Suit.class)
        .register("t.Holder", Holder.class)
        .register("t.Key", Key.class)
        .register("t.Member", Member.class)
        .register("t.Owner", Owner.class)
        .register("t.ByLength", ByLength.class)
        .register("t.Instant", Instant.class, new InstantAdapter())
        .register("t.Shape", Shape.class)
        .register("t.Square", Square.class);
  }

  static final SnapshotCodec CODEC = new SnapshotCodec(registry());

  /** Encodes, decodes, and checks that re-encoding the copy gives the very same bytes. */
  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) {
    byte[] bytes = CODEC.encode(value);
    Object copy = CODEC.decode(bytes);
    assertArrayEquals(bytes, CODEC.encode(copy), "re-encoding the decoded copy changed the bytes");
    return (T) copy;
  }
}
