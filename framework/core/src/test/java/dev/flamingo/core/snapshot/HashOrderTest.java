package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.flamingo.core.snapshot.Fixtures.Key;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A restored HashMap/HashSet must iterate like the original, and keep doing so under the same later
 * changes: the replica that restored from a snapshot and one that never did must stay identical.
 */
class HashOrderTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void hashMapOrderSurvivesRestoreAndLaterMutations(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    HashMap<Object, Integer> original = new HashMap<>(random.nextInt(1, 64));
    mutate(original, random.split(), 3000);
    HashMap<Object, Integer> restored = Fixtures.roundTrip(original);
    assertSameLayout(original, restored);
    long laterSeed = random.nextLong();
    SplittableRandom later = new SplittableRandom(laterSeed);
    SplittableRandom laterCopy = new SplittableRandom(laterSeed);
    for (int round = 0; round < 5; round++) {
      mutate(original, later, 2000);
      mutate(restored, laterCopy, 2000);
      assertSameLayout(original, restored);
    }
  }

  @Test
  void orderDiffersFromInsertionOrder() {
    // Guards the test above: with these keys, iteration order is not simply insertion order.
    HashMap<Object, Integer> map = new HashMap<>();
    mutate(map, new SplittableRandom(7), 500);
    assertNotEquals(new ArrayList<>(map.keySet()), insertionOrderOf(new SplittableRandom(7), 500));
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6, 7})
  void hashSetOrderSurvivesRestoreAndLaterMutations(long seed) {
    Random random = new Random(seed);
    HashSet<Object> original = new HashSet<>();
    for (int i = 0; i < 5000; i++) {
      Object key = key(random.nextInt(20_000), random.nextInt(3));
      if (random.nextInt(3) == 0) {
        original.remove(key);
      } else {
        original.add(key);
      }
    }
    HashSet<Object> restored = Fixtures.roundTrip(original);
    assertEquals(new ArrayList<>(original), new ArrayList<>(restored));
    assertEquals(HashLayout.tableLength(HashLayout.backingMap(original)),
        HashLayout.tableLength(HashLayout.backingMap(restored)));
    for (int i = 0; i < 20_000; i++) {
      original.add("late" + i);
      restored.add("late" + i);
    }
    assertEquals(new ArrayList<>(original), new ArrayList<>(restored));
  }

  @Test
  void emptyButPresizedAndClearedMapsKeepTheirSizing() {
    HashMap<String, Integer> presized = new HashMap<>(1000);
    HashMap<String, Integer> cleared = new HashMap<>();
    for (int i = 0; i < 5000; i++) {
      cleared.put("k" + i, i);
    }
    cleared.clear();
    HashMap<String, Integer> oddLoad = new HashMap<>(16, 0.7f);
    for (int i = 0; i < 100; i++) {
      oddLoad.put("k" + i, i);
    }
    List<HashMap<String, Integer>> maps = List.of(presized, cleared, oddLoad);
    List<HashMap<String, Integer>> copies = Fixtures.roundTrip(new ArrayList<>(maps));
    for (int m = 0; m < maps.size(); m++) {
      HashMap<String, Integer> a = maps.get(m);
      HashMap<String, Integer> b = copies.get(m);
      assertSameLayout(a, b);
      for (int i = 0; i < 3000; i++) {
        a.put("n" + i, i);
        b.put("n" + i, i);
        if (i % 500 == 0) {
          assertSameLayout(a, b);
        }
      }
      assertSameLayout(a, b);
    }
  }

  @Test
  void collidingKeysKeepTheirOrder() {
    // Chains of up to 7 keys per bucket, built with removals in between.
    HashMap<Object, Integer> original = new HashMap<>();
    for (int i = 0; i < 400; i++) {
      original.put(new Key(i, i % 97), i);
      if (i % 3 == 0) {
        original.remove(new Key(i / 2, (i / 2) % 97));
      }
    }
    HashMap<Object, Integer> restored = Fixtures.roundTrip(original);
    assertSameLayout(original, restored);
    for (int i = 400; i < 600; i++) {
      original.put(new Key(i, i % 97), i);
      restored.put(new Key(i, i % 97), i);
    }
    assertSameLayout(original, restored);
  }

  private static void assertSameLayout(HashMap<?, ?> a, HashMap<?, ?> b) {
    assertEquals(new ArrayList<>(a.entrySet()), new ArrayList<>(b.entrySet()));
    assertEquals(HashLayout.tableLength(a), HashLayout.tableLength(b), "table length");
    assertEquals(HashLayout.threshold(a), HashLayout.threshold(b), "threshold");
    assertEquals(HashLayout.loadFactor(a), HashLayout.loadFactor(b), "load factor");
  }

  private static void mutate(Map<Object, Integer> map, SplittableRandom random, int steps) {
    for (int i = 0; i < steps; i++) {
      Object key = key(random.nextInt(50_000), random.nextInt(3));
      if (random.nextInt(4) == 0) {
        map.remove(key);
      } else {
        map.put(key, i);
      }
    }
  }

  private static List<Object> insertionOrderOf(SplittableRandom random, int steps) {
    Map<Object, Integer> linked = new java.util.LinkedHashMap<>();
    mutate(linked, random, steps);
    return new ArrayList<>(linked.keySet());
  }

  private static Object key(int n, int type) {
    switch (type) {
      case 0:
        return n;
      case 1:
        return "s" + n;
      default:
        return new Key(n, n * 31);
    }
  }
}
