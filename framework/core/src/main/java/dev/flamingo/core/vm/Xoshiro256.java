package dev.flamingo.core.vm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * xoshiro256** seeded from SHA-256 of the session id: the session's replicated random stream, whose four
 * state words live in the snapshot (Croquet uses seedrandom's ARC4 for the same role).
 */
final class Xoshiro256 {
  private long[] s;

  private Xoshiro256(long[] state) {
    this.s = state;
  }

  static Xoshiro256 seeded(String sessionId) {
    ByteBuffer digest = ByteBuffer.wrap(sha256(sessionId.getBytes(StandardCharsets.UTF_8)));
    long[] state = {digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong()};
    if ((state[0] | state[1] | state[2] | state[3]) == 0) {
      state[0] = 1; // the all-zero state is the one fixed point of xoshiro
    }
    return new Xoshiro256(state);
  }

  /** A double in [0, 1) with 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  long nextLong() {
    long result = Long.rotateLeft(s[1] * 5, 7) * 9;
    long t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = Long.rotateLeft(s[3], 45);
    return result;
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
