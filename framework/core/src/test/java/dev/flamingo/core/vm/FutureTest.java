package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FutureTest {
  private final List<Boolean> results = new ArrayList<>();

  private VirtualMachine vm(String step, java.util.function.Consumer<LogModel> action) {
    Steps.define(step, action);
    VirtualMachine vm = Fixtures.vm(new TestHost());
    new Stream(vm).event(0, "test", "run", step).tick(1000);
    return vm;
  }

  private static List<String> log(VirtualMachine vm) {
    List<String> log = Fixtures.root(vm).log;
    return log.subList(1, log.size());
  }

  @Test
  void argumentsAreKeptForOneTwoAndThreeArgumentTargets() {
    VirtualMachine vm = vm("f.args", m -> {
      m.doFuture(1, "one");
      m.doFuture2(2);
      m.doFuture3(3);
    });
    assertEquals(List.of("one @1", "p2 @2", "t34 @3"), log(vm));
  }

  @Test
  void aRepeatingFutureRunsEveryPeriodUntilCancelledByItsHandle() {
    Steps.define("f.cancel", m -> results.add(m.doCancel(m.handle)));
    VirtualMachine vm = Fixtures.vm(new TestHost());
    Steps.define("f.repeat", m -> m.handle = m.doRepeat(100, "r"));
    new Stream(vm).event(0, "test", "run", "f.repeat").tick(250).event(250, "test", "run", "f.cancel").tick(1000);
    assertEquals(List.of("r @100", "r @200"), log(vm));
    assertEquals(List.of(true), results);
  }

  @Test
  void aRepeatCancelledFromItsOwnRunIsNotQueuedAgain() {
    VirtualMachine vm = vm("f.own", m -> m.handle = m.doRepeatSelfStop(100));
    assertEquals(List.of("self @100"), log(vm));
  }

  @Test
  void cancelByMethodStopsARepeat() {
    Steps.define("f.self", m -> m.handle = m.doRepeat(100, "r"));
    VirtualMachine vm = Fixtures.vm(new TestHost());
    Stream stream = new Stream(vm).event(0, "test", "run", "f.self").tick(150);
    // cancelling by method matches the running repeat (the note handler) from outside too:
    Steps.define("f.stop", m -> results.add(m.doCancelNote()));
    stream.event(150, "test", "run", "f.stop").tick(1000);
    assertEquals(List.of("r @100"), log(vm));
    assertEquals(List.of(true), results);
  }

  @Test
  void cancelByMethodRemovesTheEarliestMatchingFuture() {
    VirtualMachine vm = vm("f.method", m -> {
      m.doFuture(20, "late");
      m.doFuture(10, "early");
      results.add(m.doCancelNote());
    });
    assertEquals(List.of("late @20"), log(vm));
    assertEquals(List.of(true), results);
  }

  @Test
  void cancelAllRemovesEveryFutureOfTheModelAndReportsWhetherAnyWasPending() {
    VirtualMachine vm = vm("f.all", m -> {
      m.doFuture(20, "a");
      m.doFuture2(30);
      results.add(m.doCancelAll());
      results.add(m.doCancelAll());
    });
    assertEquals(List.of(), log(vm));
    assertEquals(List.of(true, false), results);
  }

  @Test
  void cancellingAnExpiredHandleReturnsFalse() {
    Steps.define("f.expired", m -> results.add(m.doCancel(m.handle)));
    VirtualMachine vm = vm("f.once", m -> m.handle = m.doFuture(5, "x"));
    new Stream(vm).skipTo(vm.externalSeq()).event(1000, "test", "run", "f.expired");
    assertEquals(List.of(false), results);
  }

  @Test
  void negativeDelaysAreRejected() {
    Steps.define("f.negative", m -> m.doFuture(-1, "x"));
    TestHost host = new TestHost();
    new Stream(Fixtures.vm(host)).event(0, "test", "run", "f.negative");
    Throwable cause = host.errors.get(0).cause();
    assertTrue(cause instanceof IllegalArgumentException);
    assertEquals("future delay must be >= 0 and a repeat period > 0, got delay -1 ms, period 0 ms", cause.getMessage());
  }
}
