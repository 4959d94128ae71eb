package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.ViewInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Croquet's generateJoinExit: view-join/view-exit from the reflector's user-list changes. */
class ViewsTableTest {
  private final TestHost host = new TestHost();
  private final VirtualMachine vm = VirtualMachine.create(ReplicaTest.REGISTRY, "vt", WorkloadModel.class, null, null, host);
  private final Stream stream = new Stream(vm);

  private static ExternalMessage.Peers peers(List<String> entered, List<String> exited, int count) {
    return new ExternalMessage.Peers(entered.stream().map(id -> new ExternalMessage.Peer(id, null)).toList(), exited, count);
  }

  private List<String> events() {
    return ((WorkloadModel) vm.rootModel()).views;
  }

  @Test
  void joinsAndExitsArePublishedAndCounted() {
    stream.send(10, peers(List.of("a"), List.of(), 1)).send(20, peers(List.of("b"), List.of(), 2))
        .send(30, peers(List.of(), List.of("a"), 1));
    assertEquals(List.of("+a@10", "+b@20", "-a@30"), events());
    assertEquals(1, vm.viewCount());
    assertTrue(vm.hasView("b"));
    assertFalse(vm.hasView("a"));
  }

  @Test
  void aRejoinOverlappingTheOldConnectionProducesNoEvents() {
    stream.send(10, peers(List.of("a", "b"), List.of(), 2))
        .send(20, peers(List.of("a"), List.of(), 3))
        .send(30, peers(List.of(), List.of("a"), 2));
    assertEquals(List.of("+a@10", "+b@10"), events());
    assertEquals(2, vm.viewCount());
    assertEquals(List.of(), host.warnings);
  }

  @Test
  void leavingAndReenteringInOneBatchCancelsOut() {
    stream.send(10, peers(List.of("a", "b"), List.of(), 2)).send(20, peers(List.of("a", "c"), List.of("a"), 3));
    assertEquals(List.of("+a@10", "+b@10", "+c@20"), events());
  }

  @Test
  void whenEveryoneEntersAtOnceTheReflectorRestartedAndStaleViewsExitFirst() {
    stream.send(10, peers(List.of("a", "b"), List.of(), 2)).send(500, peers(List.of("b", "c"), List.of(), 2));
    assertEquals(List.of("+a@10", "+b@10", "-a@500", "+c@500"), events());
    assertEquals(2, vm.viewCount());
  }

  @Test
  void viewDataTravelsInAViewInfo() {
    stream.send(10, new ExternalMessage.Peers(List.of(new ExternalMessage.Peer("a", vm.encodeEvent("Ann"))), List.of(), 1));
    assertEquals(List.of("+" + new ViewInfo("a", "Ann") + "@10"), events());
  }

  @Test
  void aCountMismatchIsReportedAsAWarning() {
    stream.send(10, peers(List.of("a"), List.of(), 1)).send(20, peers(List.of("b"), List.of(), 5));
    assertEquals(List.of("view-exit-mismatch: reflector counts 5 connections, views table 2"), host.warnings);
  }

  @Test
  void reflectedViewJoinEventsAreIgnoredOnlyPeersMessagesCount() {
    stream.send(10, new ExternalMessage.ModelEvent("vt", "view-join", vm.encodeEvent("mallory")));
    assertEquals(List.of(), events());
    assertEquals(List.of("ignored a reflected view-join: only peers messages produce it"), host.warnings);
  }

  @Test
  void theViewsTableIsInTheSnapshot() {
    stream.send(10, peers(List.of("a", "b"), List.of(), 2)).send(20, peers(List.of("a"), List.of(), 3));
    VirtualMachine copy = VirtualMachine.restore(ReplicaTest.REGISTRY, vm.snapshot().bytes(), new TestHost());
    assertEquals(2, copy.viewCount());
    new Stream(copy).skipTo(copy.externalSeq()).send(30, peers(List.of(), List.of("a"), 2));
    stream.send(30, peers(List.of(), List.of("a"), 2));
    assertEquals(2, copy.viewCount(), "the extra connection survived the snapshot");
    assertEquals(vm.snapshot().sha256(), copy.snapshot().sha256());
  }
}
