package dev.flamingo.core.vm;

/** uint32 sequence arithmetic with wraparound, as the reflector and Croquet's {@code inSequence} use it. */
final class Seq {
  /** The reflector's counter starts here, so the first message has seq {@code 0xFFFFFFF1}. */
  static final long INITIAL = 0xFFFF_FFF0L;
  static final long MASK = 0xFFFF_FFFFL;

  private Seq() {}

  /** The uint32 after {@code seq}. */
  static long next(long seq) {
    return (seq + 1) & MASK;
  }

  /** Orders two uint32 values that are less than 2^31 apart, across the wrap: negative if a comes first. */
  static int compare(long a, long b) {
    return Integer.compare((int) (a - b), 0);
  }

  /** The value as an unsigned hex literal for messages. */
  static String hex(long seq) {
    return String.format(java.util.Locale.ROOT, "0x%08X", seq);
  }
}
