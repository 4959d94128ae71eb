package dev.flamingo.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.Registry;
import dev.flamingo.core.snapshot.TypeAdapter;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplicaCheckerTest {
  static final Registry REGISTRY = Registry.builder()
      .register("testkit.Tally", TallyModel.class)
      .register("testkit.Forgetful", ForgetfulModel.class)
      .build();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void replicasOfACorrectModelEndIdentical(long seed) {
    ReplicaChecker.Result result = ReplicaChecker.builder(REGISTRY, TallyModel.class)
        .replicas(5).seed(seed).script(busyScript(60)).build().check();
    assertEquals(5, result.replicas().size());
    assertEquals(64, result.finalHash().length());
    assertTrue(result.handlerErrors().isEmpty(), result.handlerErrors().toString());
  }

  @Test
  void theSameSeedGivesTheSameHashAndTheStreamReachesTheModels() {
    String a = ReplicaChecker.builder(REGISTRY, TallyModel.class).seed(7).script(busyScript(30)).build().check().finalHash();
    String b = ReplicaChecker.builder(REGISTRY, TallyModel.class).seed(8).script(busyScript(30)).build().check().finalHash();
    String shorter = ReplicaChecker.builder(REGISTRY, TallyModel.class).script(busyScript(29)).build().check().finalHash();
    assertEquals(a, b, "the seed changes only how replicas run, never the state they reach");
    assertTrue(!a.equals(shorter), "one event fewer must change the state");
  }

  @Test
  void stateHangingOnATransientFieldFailsNamingTheReplicaAndTheFirstDivergentMessage() {
    ReplicaChecker checker = ReplicaChecker.builder(REGISTRY, ForgetfulModel.class)
        .replicas(4).seed(3).script(adds(20)).build();
    AssertionError failure = assertThrows(AssertionError.class, checker::check);
    Matcher m = Pattern.compile("^replica (\\d) \\(joined after message (\\d+) .*\\) diverged from replica 0 after message (\\d+)"
        + " of 20: event tally:add (\\d+) at")
        .matcher(failure.getMessage());
    assertTrue(m.find(), failure.getMessage());
    int joined = Integer.parseInt(m.group(2));
    assertEquals(joined + 1, Integer.parseInt(m.group(3)), "the first add after the late join diverges: " + failure.getMessage());
    assertTrue(failure.getMessage().contains("every replica agreed after message " + joined), failure.getMessage());
    // Every replica running at that point is listed with its hash: replica 0 and the late joiner at least.
    assertTrue(failure.getMessage().lines().filter(line -> line.matches("  replica \\d .*: [0-9a-f]{64}")).count() >= 2,
        failure.getMessage());
  }

  @Test
  void anAdapterThatDropsStateFailsAtTheFirstMessageThatUsesIt() {
    ReplicaChecker checker = ReplicaChecker.builder(pointRegistry(new LossyModel.XOnly()), LossyModel.class)
        .replicas(2).script(adds(3)).build();
    AssertionError failure = assertThrows(AssertionError.class, checker::check);
    assertTrue(failure.getMessage().startsWith("replica 1 (restored right after creation, advanced to a random time"
        + " before each message, then to it) diverged from replica 0 after message 0 of 3: event tally:add 1 at 0 ms,"
        + " seq 0xfffffff1; every replica agreed at creation. Hashes:\n  replica 0 (created fresh"), failure.getMessage());
  }

  @Test
  void anAdapterThatDoesNotRoundTripFailsWhenTheReplicaIsRestored() {
    ReplicaChecker checker = ReplicaChecker.builder(pointRegistry(new LossyModel.Drifting()), LossyModel.class)
        .script(adds(3)).build();
    AssertionError failure = assertThrows(AssertionError.class, checker::check);
    assertTrue(failure.getMessage().matches("the snapshot replica 0 \\(created fresh, .*\\) took after creation restores to"
        + " different state: hash [0-9a-f]{64} before, [0-9a-f]{64} after restore; .*"), failure.getMessage());
  }

  private static Registry pointRegistry(TypeAdapter<LossyModel.Point> adapter) {
    return Registry.builder().register("testkit.Lossy", LossyModel.class)
        .register("testkit.Point", LossyModel.Point.class, adapter).build();
  }

  @Test
  void aScriptThatExitsAnAbsentViewIsRejectedNamingTheStep() {
    Script script = Script.builder().join(10, "alice", null).exit(20, "bob").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReplicaChecker.builder(REGISTRY, TallyModel.class).script(script).build().check());
    assertEquals("script error: exit of view bob at 20 ms but that view is not present", e.getMessage());
  }

  @Test
  void aScriptWhoseTimeGoesBackwardsIsRejected() {
    Script.Builder builder = Script.builder().tick(100);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.event(99, "tally", "add", 1));
    assertEquals("time must not go backwards: event tally:add 1 at 99 ms after 100 ms", e.getMessage());
  }

  @Test
  void fewerThanTwoReplicasIsRejected() {
    ReplicaChecker.Builder builder = ReplicaChecker.builder(REGISTRY, TallyModel.class);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.replicas(1));
    assertEquals("replicas must be at least 2 to compare anything, got 1", e.getMessage());
  }

  /** Adds, joins with view data, exits and quiet stretches where only futures run. */
  static Script busyScript(int events) {
    Script.Builder script = Script.builder().join(0, "alice", new TreeMap<>(Map.of("seat", 1)));
    long time = 0;
    for (int i = 0; i < events; i++) {
      time += (i % 4 == 0) ? 0 : 37 * (i % 5);
      script.event(time, "tally", "add", i);
      if (i == events / 3) {
        script.join(time, "bob", "guest").join(time, "carol", null);
      }
      if (i == 2 * events / 3) {
        script.exit(time + 5, "alice");
        time += 5;
      }
    }
    return script.tick(time + 500).build();
  }

  static Script adds(int count) {
    Script.Builder script = Script.builder();
    for (int i = 0; i < count; i++) {
      script.event(10L * i, "tally", "add", i + 1);
    }
    return script.build();
  }
}
