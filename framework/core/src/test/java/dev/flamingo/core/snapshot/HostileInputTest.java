package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.snapshot.Fixtures.Holder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bytes from the network may be truncated, corrupt or hostile: decoding fails with a
 * SnapshotFormatException (or decodes to some valid graph), never with an unchecked JVM error, a
 * huge allocation or a type-confused field.
 */
class HostileInputTest {

  private static final SnapshotCodec CODEC = Fixtures.CODEC;

  private static byte[] sample() {
    return CODEC.encode(RoundTripTest.sampleGraph());
  }

  private static SnapshotFormatException rejected(byte[] bytes) {
    return assertThrows(SnapshotFormatException.class, () -> CODEC.decode(bytes));
  }

  @Test
  void everyTruncationFailsCleanly() {
    byte[] bytes = sample();
    for (int n = 0; n < bytes.length; n += 1 + n / 64) {
      rejected(Arrays.copyOf(bytes, n));
    }
  }

  @Test
  void flippedBytesFailCleanlyOrDecode() {
    byte[] bytes = sample();
    SplittableRandom random = new SplittableRandom(99);
    for (int trial = 0; trial < 2000; trial++) {
      byte[] corrupt = bytes.clone();
      for (int k = 0; k < 1 + trial % 3; k++) {
        corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        CODEC.decode(corrupt);
      } catch (SnapshotFormatException expected) {
        // a clean rejection
      }
    }
  }

  @Test
  void wrongMagicVersionAndMode() {
    byte[] bytes = sample();
    byte[] magic = bytes.clone();
    magic[0] = 'X';
    assertTrue(rejected(magic).getMessage().contains("bad magic"));
    byte[] version = bytes.clone();
    version[4] = 9;
    assertTrue(rejected(version).getMessage().contains("unsupported format version 9"));
    byte[] payload = CODEC.encode("x", value -> null);
    assertTrue(rejected(payload).getMessage().contains("payloads with decode(bytes, resolver)"));
  }

  @Test
  void trailingBytesAreRejected() {
    byte[] bytes = Arrays.copyOf(sample(), sample().length + 1);
    assertTrue(rejected(bytes).getMessage().contains("trailing"));
  }

  @Test
  void hugeLengthFieldsDoNotAllocate() {
    // An int[] claiming 2^31-1 elements, an ArrayList claiming 2^28, a String claiming 2^30 chars.
    for (byte[] body : List.of(
        header("java.int[]", 0xFF, 0xFF, 0xFF, 0xFF, 0x07),
        header("java.util.ArrayList", 0x80, 0x80, 0x80, 0x80, 0x01),
        header("java.lang.String", 0x80, 0x80, 0x80, 0x80, 0x04))) {
      assertTrue(rejected(body).getMessage().contains("exceeds the remaining input")
          || rejected(body).getMessage().contains("truncated"), rejected(body).getMessage());
    }
  }

  @Test
  void hugeHashTableIsRejected() {
    // A HashMap with one entry claiming a 2^30-slot table.
    byte[] body = header("java.util.HashMap", 0x80, 0x80, 0x80, 0x80, 0x04, 0, 0x00, 0x00, 0x40, 0x3F, 1, 0, 0);
    assertTrue(rejected(body).getMessage().contains("exceed the budget"), rejected(body).getMessage());
  }

  @Test
  void tinyLoadFactorCannotGrowTheTable() {
    // Two entries, a 2-slot table, load factor 1e-30: inserting would double the table to 2^30.
    byte[] body = header("java.util.HashMap", 2, 0, 0x00, 0x00, 0xA0, 0x0D, 2,
        1, 2, 'a', 'b', 0, 0, 0, 0, 0, 4, 0, 4, 0);
    assertTrue(rejected(body).getMessage().contains("exceed the threshold"), rejected(body).getMessage());
  }

  @Test
  void unknownClassAndChangedFieldsAreNamed() {
    byte[] unknown = header("app.Missing");
    assertTrue(rejected(unknown).getMessage().contains("unknown class id 'app.Missing'"));
    byte[] bytes = CODEC.encode(new Holder("x"));
    TypeRegistry other = new TypeRegistry().register("t.Holder", Fixtures.Item.class);
    SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> new SnapshotCodec(other).decode(bytes));
    assertTrue(e.getMessage().contains("has different fields than the writer's"), e.getMessage());
  }

  @Test
  void wrongTypeInAFieldIsRejected() {
    // Holder.value is Object, so use Item.name (a String field) and put an Integer there.
    Fixtures.Item item = new Fixtures.Item(1, "name");
    byte[] good = CODEC.encode(item);
    byte[] bad = CODEC.encode(new Fixtures.Item(1, null));
    assertEquals(CODEC.decode(good).getClass(), Fixtures.Item.class);
    // Splice: replace the encoded null name (a single 0 byte) by the Integer 5 written inline.
    int at = indexOfNameSlot(bad);
    ByteArrayOutputStream spliced = new ByteArrayOutputStream();
    spliced.write(bad, 0, at);
    byte[] integer = defineAndValue("java.lang.Integer", 10);
    spliced.write(integer, 0, integer.length);
    spliced.write(bad, at + 1, bad.length - at - 1);
    SnapshotFormatException e = rejected(spliced.toByteArray());
    assertTrue(e.getMessage().contains("cannot be stored in field"), e.getMessage());
  }

  @Test
  void deepNestingUsesNoRecursion() {
    // 200,000 nested single-element Object[] arrays: a recursive decoder would overflow the stack.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'F', 'L', 'S', 'N', 1, 0});
    out.writeBytes(defineOnly("java.lang.Object[]"));
    out.write(1);
    for (int i = 0; i < 200_000; i++) {
      out.write(4); // an object of local class #0
      out.write(1);
    }
    out.write(0);
    Object decoded = CODEC.decode(out.toByteArray());
    int depth = 0;
    for (Object o = decoded; o != null; o = ((Object[]) o)[0]) {
      depth++;
    }
    assertEquals(200_001, depth);
  }

  @Test
  void compressedInputIsChecked() {
    byte[] compressed = SnapshotCodec.compress(sample());
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(compressed, 10));
    assertThrows(SnapshotFormatException.class,
        () -> SnapshotCodec.decompress(Arrays.copyOf(compressed, compressed.length - 5), 1 << 20));
    byte[] flipped = compressed.clone();
    flipped[flipped.length / 2] ^= 0x55;
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(flipped, 1 << 20));
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(new byte[3], 1 << 20));
    byte[] bomb = SnapshotCodec.compress(new byte[50_000_000]);
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(bomb, 1 << 20));
  }

  @Test
  void blockTableOfCompressedContainerIsChecked() {
    byte[] compressed = SnapshotCodec.compress(new SplittableRandom(7).ints(200_000).collect(
        ByteArrayOutputStream::new, ByteArrayOutputStream::write, (a, b) -> { }).toByteArray());
    assertEquals(1, compressed[4], "the fixture spans one block");
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(Arrays.copyOf(compressed, 12), 1 << 20));
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(withInt(compressed, 4, 1 << 20), 1 << 20));
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(withInt(compressed, 4, -1), 1 << 20));
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(withInt(compressed, 8, -5), 1 << 20));
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(withInt(compressed, 12, -5), 1 << 20));
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(withInt(compressed, 12, 1 << 30), 1 << 20));
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(withInt(compressed, 8, 199_999), 1 << 20));
  }

  @Test
  void blockSizesSummingBeyondTheLimitAreRejectedBeforeInflating() {
    byte[] compressed = SnapshotCodec.compress(new byte[3 * Compression.BLOCK]);
    assertEquals(3 * Compression.BLOCK, SnapshotCodec.decompress(compressed, 3 * Compression.BLOCK).length);
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(compressed, 3 * Compression.BLOCK - 1));
    byte[] overflowing = withInt(withInt(compressed, 8, Integer.MAX_VALUE), 16, Integer.MAX_VALUE);
    assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(overflowing, Integer.MAX_VALUE - 16));
  }

  @Test
  void oldSingleStreamContainerIsRefusedByName() {
    byte[] old = {'F', 'L', 'S', 'Z', 0, 0, 0, 0, 0x78, 0x01};
    SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.decompress(old, 1 << 20));
    assertTrue(e.getMessage().contains("FLSZ"), e.getMessage());
  }

  private static byte[] withInt(byte[] bytes, int at, int value) {
    byte[] copy = bytes.clone();
    for (int i = 0; i < 4; i++) {
      copy[at + i] = (byte) (value >>> (8 * i));
    }
    return copy;
  }

  @Test
  void sizingOfRestoredMapsIsValidated() {
    HashMap<String, Integer> map = new HashMap<>();
    map.put("a", 1);
    byte[] bytes = CODEC.encode(new ArrayList<>(List.of(map)));
    assertEquals(List.of(map), CODEC.decode(bytes));
  }

  // ---- hand-written encodings ----

  private static byte[] header(String classId, int... body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'F', 'L', 'S', 'N', 1, 0});
    out.writeBytes(defineOnly(classId));
    for (int b : body) {
      out.write(b);
    }
    return out.toByteArray();
  }

  /** Tag 1, 0 (by id), the id as a narrow string, and the shape hash of a built-in (0). */
  private static byte[] defineOnly(String classId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1);
    out.write(0);
    out.write(classId.length() << 1);
    out.writeBytes(classId.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    out.writeBytes(new byte[4]);
    return out.toByteArray();
  }

  private static byte[] defineAndValue(String classId, int zigzag) {
    byte[] define = defineOnly(classId);
    byte[] result = Arrays.copyOf(define, define.length + 1);
    result[define.length] = (byte) zigzag;
    return result;
  }

  /**
   * Item fields in plan order: children, id, name, next, weight. After the Item's class definition
   * come the empty ArrayList (define tag, built-in number, size 0) and the id (one byte).
   */
  private static int indexOfNameSlot(byte[] bad) {
    String s = new String(bad, java.nio.charset.StandardCharsets.ISO_8859_1);
    int afterItemDefinition = s.indexOf("t.Item") + "t.Item".length() + 4;
    return afterItemDefinition + 3 + 1;
  }
}
