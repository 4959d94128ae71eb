package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SequenceTest {
  private static final ExternalMessage NOOP = new ExternalMessage.Noop();

  @Test
  void theFirstMessageAfterAFreshStartIsSeqFFFFFFF1AndSeqsWrapToZero() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    long seq = 0xFFFF_FFF1L;
    for (int i = 0; i < 40; i++) {
      vm.schedule(i, seq, NOOP);
      seq = (seq + 1) & 0xFFFF_FFFFL;
    }
    vm.advanceTo(100);
    assertEquals(0x18L, vm.externalSeq()); // 0xFFFFFFF1 + 39, across the wrap
  }

  @Test
  void aGapIsAnError() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    ExternalSequenceException e = assertThrows(ExternalSequenceException.class, () -> vm.schedule(0, 0xFFFF_FFF2L, NOOP));
    assertEquals("external message seq 0xFFFFFFF2 after 0xFFFFFFF0: expected 0xFFFFFFF1 (gap)", e.getMessage());
  }

  @Test
  void aRepeatedSeqIsAnError() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    vm.schedule(0, 0xFFFF_FFF1L, NOOP);
    ExternalSequenceException e = assertThrows(ExternalSequenceException.class, () -> vm.schedule(0, 0xFFFF_FFF1L, NOOP));
    assertEquals("external message seq 0xFFFFFFF1 after 0xFFFFFFF1: expected 0xFFFFFFF2 (repeated or backwards)", e.getMessage());
  }

  @Test
  void timeGoingBackwardsIsAnError() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    vm.advanceTo(100);
    ExternalSequenceException e = assertThrows(ExternalSequenceException.class, () -> vm.schedule(99, 0xFFFF_FFF1L, NOOP));
    assertEquals("external message 0xFFFFFFF1 at 99 ms is earlier than the VM time 100 ms", e.getMessage());
  }

  @Test
  void aSeqOutsideUint32IsRejected() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    assertThrows(IllegalArgumentException.class, () -> vm.schedule(0, 1L << 32, NOOP));
    assertThrows(IllegalArgumentException.class, () -> vm.schedule(0, -1, NOOP));
  }

  @Test
  void aRejectedMessageLeavesTheVmUsable() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    assertThrows(ExternalSequenceException.class, () -> vm.schedule(0, 5, NOOP));
    vm.schedule(3, 0xFFFF_FFF1L, NOOP);
    vm.advanceTo(3);
    assertEquals(0xFFFF_FFF1L, vm.externalSeq());
  }
}
