package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void initRunsAndEventsArrive() {
    TestHost host = new TestHost();
    VirtualMachine vm = Fixtures.vm(host);
    new Stream(vm).event(10, "test", "note", "hello").tick(20);
    assertEquals(List.of(), host.errors.stream().map(HandlerError::describe).toList());
    assertEquals(List.of("init opts @0", "hello @10"), Fixtures.root(vm).log);
    assertEquals(20, vm.time());
    assertEquals(List.of(), host.errors);
  }
}
