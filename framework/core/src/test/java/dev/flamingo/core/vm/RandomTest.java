package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session-seeded generator: same session, same stream; another session, another stream. */
class RandomTest {
  private static List<Double> draws(String sessionId, int n) {
    Xoshiro256 random = Xoshiro256.seeded(sessionId);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(random.nextDouble());
    }
    return values;
  }

  @Test
  void theStreamDependsOnlyOnTheSessionId() {
    assertEquals(draws("s1", 100), draws("s1", 100));
    assertNotEquals(draws("s1", 100), draws("s2", 100));
  }

  @Test
  void valuesAreInTheUnitInterval() {
    for (double value : draws("range", 10_000)) {
      assertTrue(value >= 0 && value < 1, "out of range: " + value);
    }
  }

  @Test
  void modelsDrawFromTheReplicatedStream() {
    List<Double> seen = new ArrayList<>();
    Steps.define("rnd.draw", m -> seen.add(m.doRandom()));
    VirtualMachine vm = Fixtures.vm(new TestHost());
    new Stream(vm).event(1, "test", "run", "rnd.draw");
    assertEquals(draws("session-1", 1), seen);
  }
}
