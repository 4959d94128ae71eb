package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.snapshot.Fixtures.Holder;
import dev.flamingo.core.snapshot.Fixtures.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** View-to-model payloads: objects the policy claims (models) travel as ids and are looked up again. */
class PayloadTest {

  private static final SnapshotCodec CODEC = Fixtures.CODEC;

  @Test
  void claimedObjectsTravelAsIdsAndResolveToTheReceiversObjects() {
    Item senderModel = new Item(1, "sender's copy");
    Item receiverModel = new Item(1, "receiver's copy");
    Holder payload = new Holder(new ArrayList<>(List.of(senderModel, "text", senderModel)));
    ExternalRefs models = value -> value instanceof Item ? "M" + ((Item) value).id : null;
    byte[] bytes = CODEC.encode(payload, models);
    Holder decoded = (Holder) CODEC.decode(bytes, id -> Map.of("M1", receiverModel).get(id));
    List<?> list = (List<?>) decoded.value;
    assertSame(receiverModel, list.get(0));
    assertSame(receiverModel, list.get(2));
    assertEquals("text", list.get(1));
  }

  @Test
  void unresolvedIdIsRejected() {
    byte[] bytes = CODEC.encode(new Holder(new Item(2, "x")), value -> value instanceof Item ? "gone" : null);
    SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> CODEC.decode(bytes, id -> null));
    assertTrue(e.getMessage().contains("'gone'"), e.getMessage());
  }

  @Test
  void snapshotsCannotCarryExternalReferences() {
    byte[] bytes = CODEC.encode("plain", value -> null);
    assertEquals("plain", CODEC.decode(bytes, id -> null));
    assertThrows(SnapshotFormatException.class, () -> CODEC.decode(bytes));
  }

  @Test
  void resolvedObjectOfTheWrongTypeIsRejected() {
    Item model = new Item(3, "m");
    model.next = new Item(4, "n");
    byte[] bytes = CODEC.encode(model, value -> value == model.next ? "N" : null);
    assertThrows(SnapshotFormatException.class, () -> CODEC.decode(bytes, id -> "not an item"));
  }
}
