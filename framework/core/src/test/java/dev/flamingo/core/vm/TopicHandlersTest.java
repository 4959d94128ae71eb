package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicHandlersTest {
  private static final MethodRef A = new MethodRef(null, new HandlerName("a", "()V"));
  private static final MethodRef B = new MethodRef(null, new HandlerName("b", "()V"));
  private static final MethodRef C = new MethodRef(null, new HandlerName("c", "()V"));

  @Test
  void oneHandlerIsItsOwnValueAndMoreKeepSubscriptionOrder() {
    Object one = TopicHandlers.add(null, A);
    assertSame(A, one);
    Object three = TopicHandlers.add(TopicHandlers.add(one, B), C);
    assertEquals(List.of(A, B, C), TopicHandlers.copy(three));
    assertEquals(3, TopicHandlers.size(three));
  }

  @Test
  void duplicatesAreRefusedWhateverTheForm() {
    assertNull(TopicHandlers.add(A, A));
    assertNull(TopicHandlers.add(TopicHandlers.add(A, B), B));
  }

  @Test
  void removingDownToNothingGivesNull() {
    Object two = TopicHandlers.add(A, B);
    Object one = TopicHandlers.remove(two, A);
    assertTrue(TopicHandlers.contains(one, B));
    assertFalse(TopicHandlers.contains(one, A));
    assertNull(TopicHandlers.remove(one, B));
    assertSame(A, TopicHandlers.remove(A, B));
    assertEquals(List.of(), TopicHandlers.copy(null));
  }
}
