package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefChunksTest {

  @Test
  void everyChunkButTheLastIsFullAndNoneIsLarge() {
    RefChunks.Writer writer = new RefChunks.Writer(10);
    int count = 2 * RefChunks.SIZE + 5;
    for (int i = 0; i < count; i++) {
      writer.add(i);
    }
    Object[][] chunks = writer.toArray();
    assertEquals(3, chunks.length);
    assertEquals(RefChunks.SIZE, chunks[0].length);
    assertEquals(RefChunks.SIZE, chunks[1].length);
    assertEquals(5, chunks[2].length);
    RefChunks.Reader reader = new RefChunks.Reader(chunks, "test column");
    assertEquals(count, reader.remaining());
    for (int i = 0; i < count; i++) {
      assertEquals(i, reader.next());
    }
    assertEquals(0, reader.remaining());
  }

  @Test
  void packedNumbersNeverSpanTwoChunks() {
    PackedLongs.Writer writer = new PackedLongs.Writer(4);
    int count = 30_000;
    for (int i = 0; i < count; i++) {
      writer.add(Long.MIN_VALUE + i);
    }
    byte[][] chunks = writer.toArray();
    assertTrue(chunks.length > 1, "the fixture spans several chunks");
    PackedLongs.Reader reader = new PackedLongs.Reader(chunks, "test column");
    for (int i = 0; i < count; i++) {
      assertEquals(Long.MIN_VALUE + i, reader.next());
    }
    assertTrue(reader.atEnd());
    for (byte[] chunk : chunks) {
      assertTrue(chunk.length <= PackedLongs.CHUNK);
    }
  }

  @Test
  void emptyColumnsHaveNoChunks() {
    assertEquals(0, new RefChunks.Writer(0).toArray().length);
    assertEquals(0, new PackedLongs.Writer(0).toArray().length);
    assertTrue(new PackedLongs.Reader(new byte[0][], "test column").atEnd());
    Object[] one = {"x"};
    assertSame("x", new RefChunks.Reader(new Object[][] {{}, one}, "test column").next());
  }
}
