package dev.flamingo.core.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deflates the fixed {@value Compression#BLOCK}-byte blocks of one encoding, each handed to the common
 * pool as soon as it is complete, so compression overlaps the rest of the encoding. One instance per
 * encoding; fed and finished by one thread, blocks deflated on any.
 *
 * <p>Block boundaries are offsets in the encoding, never a matter of timing, and each block is deflated
 * on its own, so the container is the same bytes whichever thread compressed which block. The feeding
 * thread deflates every block no pool thread has started by the time it asks for the container (the
 * newest first, as the pool takes the oldest first): a busy pool costs speed, never a wait for it.
 */
final class BlockCompressor {

  private final List<Block> blocks = new ArrayList<>();
  /** Length of the encoding handed out in blocks so far. */
  private int handedOut;

  /**
   * Hands every complete block of {@code encoding[0, length)} not handed out yet to the pool.
   * {@code encoding} may be a different (grown) array from one call to the next, but its bytes before
   * {@code length} must never change again.
   *
   * @return the length at which the next block will be complete
   */
  int offer(byte[] encoding, int length) {
    while (length - handedOut >= Compression.BLOCK) {
      handOut(encoding, Compression.BLOCK);
    }
    return handedOut + Compression.BLOCK;
  }

  /** Hands out the rest of the encoding, whose final length is {@code length}, as the last blocks. */
  void finish(byte[] encoding, int length) {
    offer(encoding, length);
    if (length > handedOut) {
      handOut(encoding, length - handedOut);
    }
  }

  /** Deflates what the pool has not started, waits for the rest and returns the container; after {@link #finish}. */
  byte[] container() {
    for (int i = blocks.size() - 1; i >= 0; i--) {
      blocks.get(i).run();
    }
    int[] rawSizes = new int[blocks.size()];
    byte[][] packed = new byte[blocks.size()][];
    for (int i = 0; i < packed.length; i++) {
      rawSizes[i] = blocks.get(i).length;
      packed[i] = blocks.get(i).join();
    }
    return Compression.container(rawSizes, packed);
  }

  /** Keeps the pool from starting blocks of an encoding that failed; blocks already running just finish. */
  void abandon() {
    blocks.forEach(Block::claim);
  }

  private void handOut(byte[] encoding, int length) {
    Block block = new Block(encoding, handedOut, length);
    blocks.add(block);
    handedOut += length;
    ForkJoinPool.commonPool().execute(block);
  }

  /** One block's deflated bytes, computed by whichever thread claims it first. */
  private static final class Block extends CompletableFuture<byte[]> implements Runnable {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final byte[] encoding;
    private final int offset;
    private final int length;

    Block(byte[] encoding, int offset, int length) {
      this.encoding = encoding;
      this.offset = offset;
      this.length = length;
    }

    boolean claim() {
      return claimed.compareAndSet(false, true);
    }

    @Override
    public void run() {
      if (claim()) {
        try {
          complete(BlockDeflate.deflate(encoding, offset, length));
        } catch (RuntimeException | Error e) {
          completeExceptionally(e);
        }
      }
    }
  }
}
