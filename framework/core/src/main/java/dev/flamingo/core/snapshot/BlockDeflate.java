package dev.flamingo.core.snapshot;

import java.util.Arrays;
import java.util.zip.Deflater;

/** Deflates one block of an encoding on its own zlib stream at the fastest level; stateless, any thread. */
final class BlockDeflate {

  private BlockDeflate() {}

  static byte[] deflate(byte[] in, int offset, int length) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(in, offset, length);
      deflater.finish();
      // More than zlib's worst case (deflateBound), so incompressible data never regrows the buffer.
      byte[] out = new byte[length + (length >>> 6) + 64];
      int n = 0;
      while (!deflater.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        n += deflater.deflate(out, n, out.length - n);
      }
      return Arrays.copyOf(out, n);
    } finally {
      deflater.end();
    }
  }
}
