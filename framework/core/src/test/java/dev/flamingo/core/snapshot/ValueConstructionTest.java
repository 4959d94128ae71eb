package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flamingo.core.snapshot.Fixtures.Holder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Records and adapted values are built from their decoded contents, so the maps and sets inside
 * them must already be filled when their constructor or {@code read} runs.
 */
class ValueConstructionTest {

  /** A record whose constructor copies the map it is given. */
  record Scores(Map<String, Integer> byName) {
    Scores {
      byName = new LinkedHashMap<>(byName);
    }
  }

  /** A class without its own storage format: stored through {@link BagAdapter}. */
  static final class Bag {
    final Map<String, Integer> counts = new TreeMap<>();
    Holder owner;
  }

  static final class BagAdapter implements TypeAdapter<Bag> {
    @Override
    public Object write(Bag bag) {
      return List.of(new TreeMap<>(bag.counts), bag.owner);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Bag read(Object written) {
      List<Object> parts = (List<Object>) written;
      Bag bag = new Bag();
      bag.counts.putAll((Map<String, Integer>) parts.get(0));
      bag.owner = (Holder) parts.get(1);
      return bag;
    }
  }

  private static final SnapshotCodec CODEC = new SnapshotCodec(new TypeRegistry()
      .register("t.Holder", Holder.class)
      .register("t.Scores", Scores.class)
      .register("t.Bag", Bag.class, new BagAdapter()));

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) {
    byte[] bytes = CODEC.encode(value);
    Object copy = CODEC.decode(bytes);
    assertArrayEquals(bytes, CODEC.encode(copy));
    return (T) copy;
  }

  @Test
  void recordConstructorSeesAFilledHashMap() {
    HashMap<String, Integer> scores = new HashMap<>(Map.of("ann", 3, "bob", 5));
    Scores copy = roundTrip(new Scores(scores));
    assertEquals(Map.of("ann", 3, "bob", 5), copy.byName());
  }

  @Test
  void adapterReadSeesFilledCollectionsAndSharedObjects() {
    Holder owner = new Holder("owner");
    Bag bag = new Bag();
    bag.counts.put("apple", 2);
    bag.counts.put("pear", 1);
    bag.owner = owner;
    Object[] copy = roundTrip(new Object[] {bag, owner});
    Bag bagCopy = (Bag) copy[0];
    assertEquals(Map.of("apple", 2, "pear", 1), bagCopy.counts);
    assertSame(copy[1], bagCopy.owner, "objects inside the written form keep their identity");
  }

  @Test
  void adapterInsideAMutableCycle() {
    Holder owner = new Holder();
    Bag bag = new Bag();
    bag.owner = owner;
    owner.value = bag;
    Holder copy = roundTrip(owner);
    assertSame(copy, ((Bag) copy.value).owner);
  }
}
