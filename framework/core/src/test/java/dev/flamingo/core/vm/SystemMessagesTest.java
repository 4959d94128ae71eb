package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshot polls, tallies and persistence: the VM-time callbacks the client builds on. */
class SystemMessagesTest {
  private final TestHost host = new TestHost();
  private final VirtualMachine vm = Fixtures.vm(host);
  private final Stream stream = new Stream(vm);

  @Test
  void snapshotPollsAreAcceptedAtMostOncePerFiveSecondsOfVmTime() {
    ExternalMessage poll = new ExternalMessage.SnapshotPoll();
    stream.send(1000, poll).send(5999, poll).send(6000, poll);
    assertEquals(2, host.polls.size());
    assertArrayEquals(new long[] {1000, 0xFFFF_FFF1L}, host.polls.get(0));
    assertArrayEquals(new long[] {6000, 0xFFFF_FFF3L}, host.polls.get(1));
  }

  @Test
  void theHostCanSnapshotInsideThePollAndReplicasAgree() {
    List<String> hashes = new ArrayList<>();
    host.onPoll = () -> hashes.add(vm.snapshot().sha256());
    TestHost otherHost = new TestHost();
    VirtualMachine other = Fixtures.vm(otherHost);
    otherHost.onPoll = () -> hashes.add(other.snapshot().sha256());
    Steps.define("sys.future", m -> m.doFuture(50, "pending"));
    for (Stream s : List.of(stream, new Stream(other))) {
      s.event(10, "test", "run", "sys.future").send(20, new ExternalMessage.SnapshotPoll());
    }
    other.advanceTo(5000);
    assertEquals(2, hashes.size());
    assertEquals(hashes.get(0), hashes.get(1));
  }

  @Test
  void aHostCallbackCannotReenterTheLoop() {
    host.onPoll = () -> vm.advanceTo(9_999);
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> stream.send(1000, new ExternalMessage.SnapshotPoll()));
    assertEquals("advanceTo called while the VM is running messages; call it from the client loop", e.getMessage());
  }

  @Test
  void talliesArePassedToTheHostInOrder() {
    ExternalMessage.Tally tally = new ExternalMessage.Tally("snapshot", Map.of("{\"hash\":\"x\"}", 2));
    stream.send(5, tally);
    assertEquals(List.of(tally), host.tallies);
  }

  @Test
  void persistedDataIsOfferedOnceAndAgainOnlyWhenItChangesAfterTheCoolOff() {
    Steps.define("sys.persist.a", m -> m.doPersist(List.of("a")));
    Steps.define("sys.persist.b", m -> m.doPersist(List.of("b")));
    stream.event(1, "test", "run", "sys.persist.a").event(2, "test", "run", "sys.persist.a")
        .event(3, "test", "run", "sys.persist.b");
    assertEquals(1, host.persisted.size(), "the change at 3 ms waits for the 25 s cool-off");
    stream.tick(25_000);
    assertEquals(1, host.persisted.size());
    stream.tick(25_001);
    assertEquals(2, host.persisted.size());
    assertEquals(List.of("b"), VirtualMachine.decodePersisted(Fixtures.REGISTRY, host.persistedData.get(1)));
  }

  @Test
  void onlyTheRootMayPersistAndNeverModels() {
    Steps.define("sys.persist.model", m -> m.doPersist(List.of(m)));
    Steps.define("sys.persist.child", m -> m.doCreate(ChildModel.class, "c").doPersist("x"));
    stream.event(1, "test", "run", "sys.persist.model").event(2, "test", "run", "sys.persist.child");
    String message = host.errors.get(0).cause().getMessage();
    assertTrue(message.endsWith("persistSession data must not contain models (found LogModel#M1); persist plain"
        + " values and recreate models in init(options, persisted)"), message);
    assertEquals("persistSession is for the root model (M1) only, called on ChildModel#M2",
        host.errors.get(1).cause().getMessage());
  }

  @Test
  void persistedDataReachesTheRootInitOfANewSession() {
    VirtualMachine next = VirtualMachine.create(Fixtures.REGISTRY, "session-2", LogModel.class, "o",
        List.of("kept"), new TestHost());
    assertEquals(List.of("persisted [kept]", "init o @0"), Fixtures.root(next).log);
  }
}
