package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flamingo.core.snapshot.Fixtures.Holder;
import dev.flamingo.core.snapshot.Fixtures.Item;
import java.util.LinkedList;
import org.junit.jupiter.api.Test;

/** Long chains are written and read with an explicit stack, never by deep recursion. */
class DeepGraphTest {

  @Test
  void hundredThousandElementLinkedChainRoundTrips() {
    Item head = new Item(0, "head");
    Item tail = head;
    for (int i = 1; i < 100_000; i++) {
      Item next = new Item(i, null);
      tail.next = next;
      tail = next;
    }
    tail.next = head;
    Item copy = Fixtures.roundTrip(head);
    Item at = copy;
    for (int i = 0; i < 100_000; i++) {
      assertEquals(i, at.id);
      at = at.next;
    }
    assertSame(copy, at, "the cycle closes on the copy of the head");
  }

  @Test
  void deeplyNestedHoldersAndLinkedLists() {
    Holder root = new Holder();
    Holder h = root;
    for (int i = 0; i < 50_000; i++) {
      LinkedList<Object> list = new LinkedList<>();
      Holder next = new Holder();
      list.add(next);
      h.value = list;
      h = next;
    }
    Holder copy = Fixtures.roundTrip(root);
    int depth = 0;
    for (Holder x = copy; x.value != null; x = (Holder) ((LinkedList<?>) x.value).getFirst()) {
      depth++;
    }
    assertEquals(50_000, depth);
  }
}
