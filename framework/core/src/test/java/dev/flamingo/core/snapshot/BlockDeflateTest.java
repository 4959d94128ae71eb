package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Blocks with few repeated strings are Huffman-coded only; the others keep string matching. */
class BlockDeflateTest {

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    new SplittableRandom(11).nextBytes(bytes);
    return bytes;
  }

  private static byte[] text(int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; s.length() < length; i++) {
      s.append("player").append(i % 300).append(" moved to ").append(i % 17).append('\n');
    }
    return s.substring(0, length).getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean huffmanOnly(byte[] block) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      return BlockDeflate.huffmanOnly(deflater, block, 0, block.length);
    } finally {
      deflater.end();
    }
  }

  @Test
  void blockWithoutRepeatsIsHuffmanCodedAndRepetitiveOneIsMatched() {
    assertTrue(huffmanOnly(random(Compression.BLOCK)));
    assertFalse(huffmanOnly(text(Compression.BLOCK)));
  }

  @Test
  void blockTooShortToProbeKeepsMatching() {
    assertFalse(huffmanOnly(random(4 * BlockDeflate.PROBE - 1)));
  }

  @Test
  void bothKindsOfBlockRoundTripInOneContainer() {
    byte[] encoded = new byte[2 * Compression.BLOCK];
    System.arraycopy(random(Compression.BLOCK), 0, encoded, 0, Compression.BLOCK);
    System.arraycopy(text(Compression.BLOCK), 0, encoded, Compression.BLOCK, Compression.BLOCK);
    byte[] compressed = SnapshotCodec.compress(encoded);
    assertArrayEquals(encoded, SnapshotCodec.decompress(compressed, encoded.length));
    assertArrayEquals(compressed, SnapshotCodec.compress(encoded));
  }
}
