package dev.flamingo.core.snapshot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Bounds-checked reader over untrusted bytes; every failure names the offset; single thread. */
final class ByteIn {

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] buf;
  private int pos;

  /** Reads {@code buf} from {@code offset} to its end. */
  ByteIn(byte[] buf, int offset) {
    this.buf = buf;
    this.pos = offset;
  }

  int remaining() {
    return buf.length - pos;
  }

  private void need(int n) {
    if (n < 0 || n > buf.length - pos) {
      throw new SnapshotFormatException("truncated input: need " + n + " bytes at offset " + pos
          + " of " + buf.length);
    }
  }

  SnapshotFormatException bad(String what) {
    return new SnapshotFormatException(what + " at offset " + pos);
  }

  int read() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  int varint() {
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = read();
      result |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (shift == 28 && (b & 0xF0) != 0) {
          throw bad("varint overflows 32 bits");
        }
        return result;
      }
    }
    throw bad("varint longer than 5 bytes");
  }

  long varlong() {
    long result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = read();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (shift == 63 && (b & 0x7E) != 0) {
          throw bad("varint overflows 64 bits");
        }
        return result;
      }
    }
    throw bad("varint longer than 10 bytes");
  }

  int zigzag() {
    int v = varint();
    return (v >>> 1) ^ -(v & 1);
  }

  long zigzagLong() {
    long v = varlong();
    return (v >>> 1) ^ -(v & 1);
  }

  /** A non-negative count where each counted item takes at least {@code minBytes} of the rest. */
  int count(int minBytes) {
    int n = varint();
    if (n < 0 || (long) n * minBytes > remaining()) {
      throw bad("count " + (n & 0xFFFFFFFFL) + " exceeds the remaining input");
    }
    return n;
  }

  int int32() {
    need(4);
    int v = (int) INT.get(buf, pos);
    pos += 4;
    return v;
  }

  long int64() {
    need(8);
    long v = (long) LONG.get(buf, pos);
    pos += 8;
    return v;
  }

  int int16() {
    need(2);
    int v = (short) SHORT.get(buf, pos);
    pos += 2;
    return v;
  }

  byte[] bytes(int n) {
    need(n);
    byte[] b = new byte[n];
    System.arraycopy(buf, pos, b, 0, n);
    pos += n;
    return b;
  }

  String string() {
    int header = varint();
    int n = header >>> 1;
    if ((header & 1) == 0) {
      need(n);
      String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
      pos += n;
      return s;
    }
    need(n * 2);
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      chars[i] = (char) (short) SHORT.get(buf, pos);
      pos += 2;
    }
    return new String(chars);
  }
}
