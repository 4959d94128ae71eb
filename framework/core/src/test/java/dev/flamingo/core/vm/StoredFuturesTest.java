package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StoredFuturesTest {
  private static final HandlerName TICK = new HandlerName("tick", "(Ljava/lang/Integer;)V");
  private static final ModelSerials.Index NO_MODELS = new ModelSerials.Index(0);

  @Test
  void futuresSurviveTheFlatFormInOrder() {
    Object shared = List.of("x");
    TreeSet<FutureMessage> queue = new TreeSet<>(FutureMessage.ORDER);
    queue.add(new FutureMessage(500, 0xFFFFFFFFL, 7, null, TICK, new Object[] {shared, null}, 40));
    queue.add(new FutureMessage(20, 3, -1, null, TICK, new Object[0], 0));
    List<FutureMessage> back = StoredFutures.of(queue).toMessages(NO_MODELS);
    assertEquals(2, back.size());
    FutureMessage first = back.get(0);
    FutureMessage second = back.get(1);
    assertEquals(List.of(20L, 3L, -1L, 0L), List.of(first.time, first.seq, first.handleId, first.period));
    assertEquals(List.of(500L, 0xFFFFFFFFL, 7L, 40L), List.of(second.time, second.seq, second.handleId, second.period));
    assertArrayEquals(new Object[] {shared, null}, second.args);
    assertSame(TICK, second.name);
  }

  @Test
  void anArgumentCountBeyondTheReferencesIsCorrupt() {
    // time 1, seq 1, handle 1, period 0, 3 arguments, the VM (zigzag: 2, 2, 2, 0, 6, 0), but only a handler.
    StoredFutures stored = new StoredFutures(new byte[][] {{2, 2, 2, 0, 6, 0}}, new Object[][] {{TICK}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stored.toMessages(NO_MODELS));
    assertTrue(e.getMessage().startsWith("corrupt snapshot: the future queue has argument count 3"), e.getMessage());
  }

  @Test
  void aReceiverNotInTheModelTableIsCorrupt() {
    // No arguments, receiver serial 7 (zigzag 14).
    StoredFutures stored = new StoredFutures(new byte[][] {{2, 2, 2, 0, 0, 14}}, new Object[][] {{TICK}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stored.toMessages(NO_MODELS));
    assertEquals("corrupt snapshot: the future queue has a future for model serial 7, which is not in the model table",
        e.getMessage());
  }

  @Test
  void aNegativeReceiverSerialIsCorrupt() {
    StoredFutures stored = new StoredFutures(new byte[][] {{2, 2, 2, 0, 0, 1}}, new Object[][] {{TICK}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stored.toMessages(NO_MODELS));
    assertTrue(e.getMessage().contains("model serial -1, which is not in the model table"), e.getMessage());
  }

  @Test
  void aHandlerThatIsNoHandlerNameIsCorrupt() {
    StoredFutures stored = new StoredFutures(new byte[][] {{2, 2, 2, 0, 0, 0}}, new Object[][] {{"M1"}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stored.toMessages(NO_MODELS));
    assertTrue(e.getMessage().contains("handler is not a handler name"), e.getMessage());
  }

  @Test
  void aTruncatedNumberIsCorrupt() {
    StoredFutures stored = new StoredFutures(new byte[][] {{2, (byte) 0x80}}, new Object[][] {{TICK}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stored.toMessages(NO_MODELS));
    assertEquals("corrupt snapshot: the future queue ends in the middle of a number", e.getMessage());
  }

  @Test
  void aQueueSpanningManyChunksSurvivesInOrder() {
    TreeSet<FutureMessage> queue = new TreeSet<>(FutureMessage.ORDER);
    for (int i = 0; i < 40_000; i++) {
      queue.add(new FutureMessage(1000L * i, i, i % 7 - 1, null, TICK, new Object[] {i}, i % 3));
    }
    List<FutureMessage> back = StoredFutures.of(queue).toMessages(NO_MODELS);
    assertEquals(queue.size(), back.size());
    int i = 0;
    for (FutureMessage original : queue) {
      FutureMessage copy = back.get(i++);
      assertEquals(List.of(original.time, original.seq, original.handleId, original.period),
          List.of(copy.time, copy.seq, copy.handleId, copy.period));
      assertArrayEquals(original.args, copy.args);
    }
  }

  @Test
  void aNumberSplitAcrossChunksIsCorrupt() {
    StoredFutures stored = new StoredFutures(new byte[][] {{2, 2, 2, 0, (byte) 0x80}, {0}}, new Object[][] {{TICK}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stored.toMessages(NO_MODELS));
    assertEquals("corrupt snapshot: the future queue ends in the middle of a number", e.getMessage());
  }

  @Test
  void aMissingChunkIsCorrupt() {
    StoredFutures stored = new StoredFutures(new byte[][] {{2, 2, 2, 0, 0, 0}}, new Object[][] {null});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stored.toMessages(NO_MODELS));
    assertEquals("corrupt snapshot: the future queue has a missing chunk", e.getMessage());
  }
}
