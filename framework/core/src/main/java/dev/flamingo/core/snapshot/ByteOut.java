package dev.flamingo.core.snapshot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte buffer with varints; single thread (one encode call). */
final class ByteOut {

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] buf;
  private int pos;

  /** Writes into {@code scratch} (reused between calls; grown as needed). */
  ByteOut(byte[] scratch) {
    buf = scratch;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  /** How many bytes were written. */
  int size() {
    return pos;
  }

  /** The buffer written into, possibly a grown copy of the scratch buffer, for reuse. */
  byte[] buffer() {
    return buf;
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      grow(n);
    }
  }

  private void grow(int n) {
    long wanted = Math.max((long) buf.length * 2, (long) pos + n);
    if (wanted > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("encoding exceeds 2 GB");
    }
    buf = Arrays.copyOf(buf, (int) wanted);
  }

  void write(int b) {
    ensure(1);
    buf[pos++] = (byte) b;
  }

  void writeBytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  /** Unsigned LEB128 of an int treated as unsigned. */
  void varint(int v) {
    ensure(5);
    while ((v & ~0x7F) != 0) {
      buf[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
  }

  void varlong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
  }

  void zigzag(int v) {
    varint((v << 1) ^ (v >> 31));
  }

  void zigzagLong(long v) {
    varlong((v << 1) ^ (v >> 63));
  }

  void int32(int v) {
    ensure(4);
    INT.set(buf, pos, v);
    pos += 4;
  }

  void int64(long v) {
    ensure(8);
    LONG.set(buf, pos, v);
    pos += 8;
  }

  void int16(int v) {
    ensure(2);
    SHORT.set(buf, pos, (short) v);
    pos += 2;
  }

  /** Length and flag, then Latin-1 bytes when every char fits, else raw UTF-16: exact for any String. */
  void string(String s) {
    int n = s.length();
    boolean narrow = true;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) > 0xFF) {
        narrow = false;
        break;
      }
    }
    if (narrow) {
      varint(n << 1);
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[pos++] = (byte) s.charAt(i);
      }
    } else {
      varint((n << 1) | 1);
      ensure(n * 2);
      for (int i = 0; i < n; i++) {
        SHORT.set(buf, pos, (short) s.charAt(i));
        pos += 2;
      }
    }
  }
}
