package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrderingTest {
  @BeforeAll
  static void steps() {
    Steps.define("order.futures", m -> {
      m.doFuture(10, "f1");
      m.doFuture(10, "f2");
      m.doFuture(5, "f0");
    });
    Steps.define("order.zero", m -> m.doFuture(0, "zero"));
  }

  @Test
  void futuresRunBeforeExternalMessagesAtTheSameTime() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    new Stream(vm).event(0, "test", "run", "order.futures").event(10, "test", "note", "external");
    assertEquals(List.of("init opts @0", "f0 @5", "f1 @10", "f2 @10", "external @10"), Fixtures.root(vm).log.subList(0, 5));
  }

  @Test
  void futureZeroFromAnExternalRunsBeforeTheNextExternalAtTheSameTime() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    new Stream(vm).event(7, "test", "run", "order.zero").event(7, "test", "note", "next");
    assertEquals(List.of("init opts @0", "zero @7", "next @7"), Fixtures.root(vm).log);
  }

  @Test
  void scheduledExternalsWaitUntilTheirTimeAndRunInSeqOrder() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    vm.schedule(20, 0xFFFF_FFF1L, note("a"));
    vm.schedule(20, 0xFFFF_FFF2L, note("b"));
    vm.schedule(30, 0xFFFF_FFF3L, note("c"));
    vm.advanceTo(25);
    assertEquals(List.of("init opts @0", "a @20", "b @20"), Fixtures.root(vm).log);
    assertEquals(25, vm.time());
    assertEquals(new Backlog(25, 30, 1), vm.backlog());
    vm.advanceTo(30);
    assertTrue(vm.backlog().caughtUp());
  }

  @Test
  void nowJumpsToTheReflectorTimeWhenNothingRuns() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    assertTrue(vm.advanceTo(1234, System.nanoTime() + 1_000_000_000L));
    assertEquals(1234, vm.time());
    assertEquals(1234, vm.rootModel().now());
  }

  @Test
  void anExpiredDeadlineStillRunsOneMessageAndReportsBehind() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    vm.schedule(10, 0xFFFF_FFF1L, note("a"));
    vm.schedule(20, 0xFFFF_FFF2L, note("b"));
    assertFalse(vm.advanceTo(50, System.nanoTime() - 1));
    assertEquals(10, vm.time());
    assertEquals(40, vm.backlog().behindMs());
    assertTrue(vm.advanceTo(50, System.nanoTime() - 1), "the last message runs, then time jumps");
    assertEquals(50, vm.time());
    assertEquals(List.of("init opts @0", "a @10", "b @20"), Fixtures.root(vm).log);
  }

  @Test
  void futureSeqOrderSurvivesTheUint32Wrap() {
    FutureMessage before = new FutureMessage(5, 0xFFFF_FFFFL, 1, null, null, null, 0);
    FutureMessage after = new FutureMessage(5, 0L, 2, null, null, null, 0);
    assertTrue(FutureMessage.ORDER.compare(before, after) < 0);
    assertTrue(FutureMessage.ORDER.compare(after, before) > 0);
  }

  private static ExternalMessage note(String text) {
    return new ExternalMessage.ModelEvent("test", "note", new dev.flamingo.core.snapshot.SnapshotCodec(
        Fixtures.REGISTRY.types()).encode(text, v -> null));
  }
}
