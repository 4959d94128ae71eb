package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.Handling;
import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.View;
import dev.flamingo.core.Votes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reflected events (Croquet's {@code #reflected}): votes, the first copy, tallies, divergence and snapshots. */
class ReflectedTest {
  /** Rolls dice as reflected events and logs what comes back through the reflector. */
  public static class Dice extends Model {
    final List<String> log = new ArrayList<>();

    @Override
    protected void init(Object options) {
      subscribe("dice", "roll", this::onRoll);
      subscribe("dice", "twice", this::onTwice);
      subscribe("dice", "croquet", this::onCroquet);
      subscribe("dice", "bad", this::onBad);
      subscribe("dice", "rolled", this::onRolled);
      subscribeDivergence("dice", "rolled", this::onDiverged);
      subscribe("dice", "later", this::onLater);
      subscribe("dice", "misuse", this::onMisuse);
    }

    void onMisuse() {
      subscribe("dice", "rolled#reflected", this::onRolled);
    }

    void reflectFromOutside() {
      publishReflected("dice", "rolled", 1L);
    }

    void onRoll(Long n) {
      publishReflected("dice", "rolled", n * 10);
      log.add("rolling " + n);
    }

    void onTwice(Long n) {
      publishReflected("dice", "rolled", n);
      publishReflected("dice", "rolled", n + 1);
    }

    void onCroquet(Long n) {
      publish("dice", "rolled#reflected", n);
    }

    void onBad(Integer size) {
      publishReflected("dice", "unchecked", size < 0 ? new StringBuilder("unregistered") : "x".repeat(size));
      log.add("after bad");
    }

    void onLater() {
      future(10, this::rollLater);
    }

    void rollLater() {
      publishReflected("dice", "rolled", 7L);
    }

    void onRolled(Long value) {
      log.add("rolled " + value + " " + activeSubscription().orElseThrow().source());
    }

    void onDiverged(Votes<Long> votes) {
      log.add("diverged " + votes.copies() + " missing " + votes.missing() + " mine " + votes.mine());
    }
  }

  /** A view recording the tallies of dice:rolled and the local copies of its events. */
  static final class Counter extends View {
    final List<String> seen = new ArrayList<>();

    Counter(Model model) {
      super(model);
      subscribe("dice", "rolled", Handling.VOTE, (Votes<Long> v) -> seen.add("votes " + v.copies() + " mine " + v.mine()));
      subscribe("dice", "rolled", Handling.IMMEDIATE, (Long v) -> seen.add("local " + v));
    }
  }

  private static final Registry REGISTRY = Registry.builder().register("test.Dice", Dice.class).build();

  private static VirtualMachine vm(TestHost host) {
    return VirtualMachine.create(REGISTRY, "session-r", Dice.class, null, null, host);
  }

  private static Dice dice(VirtualMachine vm) {
    return (Dice) vm.rootModel();
  }

  private static ExternalMessage.ReflectedTally tally(VirtualMachine vm, int mine, Object... dataThenVoters) {
    List<ExternalMessage.Copy> copies = new ArrayList<>();
    for (int i = 0; i < dataThenVoters.length; i += 2) {
      copies.add(new ExternalMessage.Copy(vm.encodeEvent(dataThenVoters[i]), (Integer) dataThenVoters[i + 1]));
    }
    return new ExternalMessage.ReflectedTally("dice", "rolled", copies, 0, mine);
  }

  @Test
  void aVotingReplicaHandsTheEventToItsHostInsteadOfRunningSubscribers() {
    TestHost host = new TestHost();
    host.voting = true;
    VirtualMachine vm = vm(host);
    new Stream(vm).event(5, "dice", "roll", 3L);
    assertEquals(List.of("rolling 3"), dice(vm).log);
    Reflection r = host.reflections.get(0);
    assertEquals("reflected@5#e" + Long.toHexString(Seq.next(Seq.INITIAL)), r.key());
    assertEquals("dice", r.scope());
    assertEquals("rolled", r.event());
    assertEquals(30L, vm.decodeEvent(r.data()));
    assertTrue(r.wantsFirst());
    assertFalse(r.wantsVote());
    assertEquals(5, r.time());
  }

  @Test
  void aReplicaThatDoesNotVoteSendsNothing() {
    TestHost host = new TestHost();
    VirtualMachine vm = vm(host);
    new Stream(vm).event(5, "dice", "roll", 3L);
    assertEquals(List.of(), host.reflections);
    assertEquals(List.of("rolling 3"), dice(vm).log);
  }

  @Test
  void croquetSpellingIsTheSamePublish() {
    TestHost host = new TestHost();
    host.voting = true;
    VirtualMachine vm = vm(host);
    new Stream(vm).event(5, "dice", "croquet", 4L);
    assertEquals("rolled", host.reflections.get(0).event());
    assertEquals(4L, vm.decodeEvent(host.reflections.get(0).data()));
  }

  @Test
  void keysNameTheMessageAndCountPublishesWithinIt() {
    TestHost host = new TestHost();
    host.voting = true;
    VirtualMachine vm = vm(host);
    new Stream(vm).event(5, "dice", "twice", 1L).event(6, "dice", "later", null).tick(20);
    List<String> keys = host.reflections.stream().map(Reflection::key).toList();
    assertEquals(3, keys.size());
    assertEquals(keys.get(0) + ".1", keys.get(1));
    assertTrue(keys.get(2).startsWith("reflected@16#f"), keys.get(2));
  }

  @Test
  void keysAreIdenticalOnARestoredReplica() {
    TestHost hostA = new TestHost();
    TestHost hostB = new TestHost();
    hostA.voting = true;
    hostB.voting = true;
    VirtualMachine a = vm(hostA);
    Stream sa = new Stream(a).event(5, "dice", "later", null);
    VirtualMachine b = VirtualMachine.restore(REGISTRY, a.snapshot().bytes(), hostB);
    Stream sb = new Stream(b).skipTo(sa.seq());
    for (Stream s : List.of(sa, sb)) {
      s.event(6, "dice", "twice", 2L).tick(30);
    }
    assertEquals(hostA.reflections.stream().map(Reflection::key).toList(),
        hostB.reflections.stream().map(Reflection::key).toList());
    assertEquals(3, hostB.reflections.size());
  }

  @Test
  void theFirstCopyRunsExactSubscribersOnceAsReflected() {
    VirtualMachine vm = vm(new TestHost());
    new Stream(vm).event(5, "dice", "roll", 3L)
        .send(6, new ExternalMessage.ReflectedEvent("dice", "rolled", vm.encodeEvent(30L)));
    assertEquals(List.of("rolling 3", "rolled 30 REFLECTED"), dice(vm).log);
  }

  @Test
  void aPendingReflectedEventSurvivesASnapshotAndALateJoinerEndsIdentical() {
    TestHost host = new TestHost();
    host.voting = true;
    VirtualMachine a = vm(host);
    Stream sa = new Stream(a).event(5, "dice", "roll", 3L);
    VirtualMachine late = VirtualMachine.restore(REGISTRY, a.snapshot().bytes(), new TestHost());
    Stream sl = new Stream(late).skipTo(sa.seq());
    byte[] first = host.reflections.get(0).data();
    for (Stream s : List.of(sa, sl)) {
      s.send(6, new ExternalMessage.ReflectedEvent("dice", "rolled", first)).send(900, tally(a, -1, 30L, 2, 31L, 1));
    }
    assertEquals(dice(a).log, dice(late).log);
    assertEquals("rolled 30 REFLECTED", dice(late).log.get(1));
    assertEquals("diverged [Copy[data=30, voters=2], Copy[data=31, voters=1]] missing 0 mine null", dice(late).log.get(2));
    assertEquals(a.snapshot().sha256(), late.snapshot().sha256());
  }

  @Test
  void anAgreeingTallyLeavesModelsAlone() {
    TestHost host = new TestHost();
    VirtualMachine vm = vm(host);
    new Stream(vm).send(5, tally(vm, 0, 30L, 3));
    assertEquals(List.of(), dice(vm).log);
    assertEquals(List.of(), host.uncaptured);
  }

  @Test
  void aDivergenceNobodySubscribesToGoesToTheHost() {
    TestHost host = new TestHost();
    VirtualMachine vm = vm(host);
    List<ExternalMessage.Copy> copies = List.of(new ExternalMessage.Copy(null, 1), new ExternalMessage.Copy(vm.encodeEvent("x"), 1));
    new Stream(vm).send(5, new ExternalMessage.ReflectedTally("dice", "unchecked", copies, 2, 1));
    Votes<?> votes = host.uncaptured.get(0);
    assertEquals("unchecked", votes.event());
    assertEquals(2, votes.missing());
    assertNull(votes.mine());
    assertNull(votes.copies().get(0).data());
  }

  @Test
  void viewsWithVoteHandlingGetEveryTallyWithTheirOwnCopyAndModelsNever() {
    TestHost host = new TestHost();
    host.voting = true;
    VirtualMachine vm = vm(host);
    Counter view = new Counter(vm.rootModel());
    new Stream(vm).event(5, "dice", "roll", 3L).send(6, tally(vm, 1, 31L, 1, 30L, 2));
    assertTrue(host.reflections.get(0).wantsVote());
    assertEquals(List.of("local 30", "votes [Copy[data=31, voters=1], Copy[data=30, voters=2]] mine Copy[data=30, voters=2]"),
        view.seen);
    assertTrue(dice(vm).log.get(1).endsWith("mine null"), dice(vm).log.toString());
  }

  @Test
  void anEncodingFailureThrowsOnEveryReplicaWhetherItVotesOrNot() {
    for (boolean voting : new boolean[] {true, false}) {
      TestHost host = new TestHost();
      host.voting = voting;
      VirtualMachine vm = vm(host);
      new Stream(vm).event(5, "dice", "bad", -1).event(6, "dice", "bad", 20_000);
      assertEquals(2, host.errors.size(), host.errors.toString());
      assertTrue(host.errors.get(1).cause().getMessage().contains("over the 16384 bytes of an event"), host.errors.toString());
      assertEquals(List.of(), dice(vm).log);
      assertEquals(List.of(), host.reflections);
    }
  }

  @Test
  void misusesAreRefusedWithWhatToDoInstead() {
    TestHost host = new TestHost();
    VirtualMachine vm = vm(host);
    Dice root = dice(vm);
    IllegalStateException outside = assertThrows(IllegalStateException.class, root::reflectFromOutside);
    assertTrue(outside.getMessage().contains("only in model code"), outside.getMessage());
    new Stream(vm).event(5, "dice", "misuse", null);
    assertTrue(host.errors.get(0).cause().getMessage().contains("subscribe to \"dice:rolled\""), host.errors.toString());
    View view = new Counter(root);
    assertThrows(IllegalArgumentException.class, () -> vm.viewDomain().subscribe(view, "dice", "*", Handling.VOTE,
        this, data -> { }));
  }

  @Test
  void votesPicksTheMajorityAndKnowsWhetherCopiesAgreed() {
    Votes.Copy<String> a = new Votes.Copy<>("a", 1);
    Votes.Copy<String> b = new Votes.Copy<>("b", 2);
    Votes<String> votes = new Votes<>("s", "e", List.of(a, b), 0, a);
    assertSame(b, votes.majority());
    assertEquals(3, votes.voters());
    assertFalse(votes.agreed());
    assertThrows(IllegalArgumentException.class, () -> new Votes<>("s", "e", List.of(a), 0, b));
  }
}
