package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.snapshot.Fixtures.Holder;
import dev.flamingo.core.snapshot.Fixtures.Item;
import dev.flamingo.core.snapshot.Fixtures.Key;
import dev.flamingo.core.snapshot.Fixtures.Suit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every value the codec cannot store fails with the path that holds it and a way to fix it. */
class UnsupportedValueTest {

  static final class Unregistered {
    int x;
  }

  /** A record key whose hashCode includes an enum's identity hash code. */
  record SuitAt(Suit suit, int position) {}

  private static final SnapshotCodec CODEC = new SnapshotCodec(Fixtures.registry().register("t.SuitAt", SuitAt.class));

  private static UnsupportedValueException failure(Object root) {
    return assertThrows(UnsupportedValueException.class, () -> CODEC.encode(root));
  }

  @Test
  void jdkClassNamesThePathAndTheAdapterFix() {
    Holder h = new Holder(new Date(0));
    List<Object> history = new ArrayList<>(List.of("a", "b", "c", h));
    Holder root = new Holder(history);
    UnsupportedValueException e = failure(root);
    assertEquals("Holder.value[3].value", e.path());
    assertTrue(e.getMessage().startsWith("Holder.value[3].value -> java.util.Date is not supported;"), e.getMessage());
    assertTrue(e.getMessage().contains("TypeAdapter"), e.getMessage());
  }

  @Test
  void unregisteredClassNamesTheRegisterCall() {
    UnsupportedValueException e = failure(new Holder(new Unregistered()));
    assertEquals("Holder.value", e.path());
    assertTrue(e.getMessage().contains("is not registered; register it under a stable id: register(\"Unregistered\", "
        + Unregistered.class.getName() + ".class)"), e.getMessage());
  }

  @Test
  void unregisteredRoot() {
    assertEquals("root", failure(new Unregistered()).path());
  }

  @Test
  void mapOfAndSetOfAreRejectedBecauseTheirOrderIsRandomizedPerRun() {
    UnsupportedValueException map = failure(new Holder(Map.of("a", 1, "b", 2)));
    assertTrue(map.getMessage().contains("randomized on every JVM run"), map.getMessage());
    UnsupportedValueException set = failure(new Holder(Set.of("a")));
    assertTrue(set.getMessage().contains("LinkedHashSet"), set.getMessage());
  }

  @Test
  void otherCollectionsNameTheSupportedOnes() {
    UnsupportedValueException e = failure(new Holder(Collections.unmodifiableList(new ArrayList<>())));
    assertTrue(e.getMessage().contains("is not a supported collection; use ArrayList"), e.getMessage());
  }

  @Test
  void lambdasAreRejected() {
    Supplier<String> lambda = () -> "x";
    UnsupportedValueException e = failure(new Holder(lambda));
    assertTrue(e.getMessage().contains("a lambda"), e.getMessage());
    UnsupportedValueException comparator = failure(new TreeSet<String>(Comparator.comparing(String::length)));
    assertEquals("TreeSet<comparator>", comparator.path());
  }

  @Test
  void hashKeysThatHashByIdentityAreRejected() {
    HashMap<Object, Integer> byEnum = new HashMap<>();
    byEnum.put(Suit.CLUBS, 1);
    UnsupportedValueException e = failure(new Holder(byEnum));
    assertEquals("Holder.value<key 0>", e.path());
    assertTrue(e.getMessage().contains("hashes by identity"), e.getMessage());
    HashSet<Object> byItem = new HashSet<>(List.of(new Item(1, "x")));
    assertEquals("HashSet<element 0>", failure(byItem).path());
    HashSet<Object> byRecordWithEnum = new HashSet<>(List.of(new SuitAt(Suit.HEARTS, 3)));
    UnsupportedValueException throughRecord = failure(byRecordWithEnum);
    assertTrue(throughRecord.getMessage().contains("hashes through " + Suit.class.getName()),
        throughRecord.getMessage());
    Fixtures.roundTrip(new HashSet<>(List.of(new Fixtures.Point(1, 2), List.of("a", 1))));
    // Ordered and sorted collections do not depend on hash codes, so the same keys are fine there.
    LinkedHashMap<Object, Integer> linked = new LinkedHashMap<>(byEnum);
    Fixtures.roundTrip(linked);
    Fixtures.roundTrip(new TreeMap<>(Map.of(Suit.HEARTS, 1)));
  }

  enum Unlisted { A }

  @Test
  void enumSetOfAnUnregisteredEnumNamesTheEnum() {
    UnsupportedValueException e = failure(new Holder(java.util.EnumSet.of(Unlisted.A)));
    assertEquals("Holder.value", e.path());
    assertTrue(e.getMessage().contains(Unlisted.class.getName() + " is not registered"), e.getMessage());
  }

  @Test
  void treeBinsAreRejected() {
    HashMap<Object, Integer> colliding = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      colliding.put(new Key(i, i % 3), i);
    }
    UnsupportedValueException e = failure(new Holder(colliding));
    assertEquals("Holder.value", e.path());
    assertTrue(e.getMessage().contains("8 or more keys in one bucket"), e.getMessage());
  }

  @Test
  void cycleThroughARecordIsRejected() {
    // A record reaching itself through an ArrayList it holds.
    Holder h = new Holder();
    Fixtures.Wrapper w = new Fixtures.Wrapper(h);
    h.value = new ArrayList<>(List.of(w));
    UnsupportedValueException e = failure(w);
    assertEquals("Wrapper.holder.value[0]", e.path());
    assertTrue(e.getMessage().contains("reference cycle"), e.getMessage());
  }

  @Test
  void throwingAdapterIsReported() {
    TypeRegistry registry = new TypeRegistry().register("t.Holder", Holder.class)
        .register("t.Date", Date.class, new TypeAdapter<>() {
          @Override
          public Object write(Date value) {
            throw new IllegalStateException("boom");
          }

          @Override
          public Date read(Object written) {
            return new Date();
          }
        });
    UnsupportedValueException e = assertThrows(UnsupportedValueException.class,
        () -> new SnapshotCodec(registry).encode(new Holder(new Date())));
    assertTrue(e.getMessage().contains("boom"), e.getMessage());
  }
}
