package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.snapshot.Fixtures.Holder;
import dev.flamingo.core.snapshot.Fixtures.Item;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoding, hashing and compressing in one go must give exactly what the three steps give one by one. */
class BlockCompressorTest {

  private static final byte[] HEADER = {'H', 'D', 'R', 7};

  /** About 3.5 MB of encoding, so several blocks are handed out while encoding goes on. */
  private static List<Item> manyItems() {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 150_000; i++) {
      Item item = new Item(i, "item" + i);
      item.next = i == 0 ? null : items.get(i * 7919 % i);
      items.add(item);
    }
    return items;
  }

  private static void assertSameAsStepByStep(SnapshotCodec codec, byte[] header, Object root) {
    byte[] encoded = codec.encode(header, root);
    SealedEncoding sealed = codec.encodeSealed(header, root);
    assertEquals(encoded.length, sealed.encodedSize());
    assertArrayEquals(SnapshotCodec.sha256(encoded), sealed.sha256());
    assertArrayEquals(SnapshotCodec.compress(encoded), sealed.compressed());
    assertArrayEquals(encoded, SnapshotCodec.decompress(sealed.compressed(), encoded.length));
  }

  @Test
  void sealedEncodingSpanningSeveralBlocksEqualsEncodeThenHashAndCompress() {
    SnapshotCodec codec = new SnapshotCodec(Fixtures.registry());
    List<Item> items = manyItems();
    assertSameAsStepByStep(codec, HEADER, items);
    assertTrue(codec.encodeSealed(HEADER, items).compressed()[4] >= 3, "the fixture spans several blocks");
  }

  @Test
  void smallAndEmptyGraphsSealLikeTheStepByStepPath() {
    SnapshotCodec codec = new SnapshotCodec(Fixtures.registry());
    assertSameAsStepByStep(codec, new byte[0], null);
    assertSameAsStepByStep(codec, HEADER, RoundTripTest.sampleGraph());
    assertArrayEquals(codec.encodeSealed(new byte[0], "x").compressed(), codec.encodeSealed("x").compressed());
  }

  @Test
  void encodingThatFailsAfterSeveralBlocksLeavesTheCodecUsable() {
    SnapshotCodec codec = new SnapshotCodec(Fixtures.registry());
    List<Object> bad = new ArrayList<>(manyItems());
    bad.add(new Holder(new Thread()));
    assertThrows(UnsupportedValueException.class, () -> codec.encodeSealed(HEADER, bad));
    assertSameAsStepByStep(codec, HEADER, manyItems());
  }
}
