package dev.flamingo.core.snapshot;

/** Bodies of primitive arrays: length, then fixed-width little-endian elements; stateless. */
final class PrimitiveArrays {

  private PrimitiveArrays() {}

  static void write(ByteOut out, int kind, Object array) {
    switch (kind) {
      case TypeInfo.ARR_BYTE:
        byte[] b = (byte[]) array;
        out.varint(b.length);
        out.writeBytes(b);
        break;
      case TypeInfo.ARR_BOOLEAN:
        boolean[] z = (boolean[]) array;
        out.varint(z.length);
        for (boolean x : z) {
          out.write(x ? 1 : 0);
        }
        break;
      case TypeInfo.ARR_INT:
        int[] ints = (int[]) array;
        out.varint(ints.length);
        for (int x : ints) {
          out.int32(x);
        }
        break;
      case TypeInfo.ARR_LONG:
        long[] longs = (long[]) array;
        out.varint(longs.length);
        for (long x : longs) {
          out.int64(x);
        }
        break;
      case TypeInfo.ARR_DOUBLE:
        double[] d = (double[]) array;
        out.varint(d.length);
        for (double x : d) {
          out.int64(Double.doubleToRawLongBits(x));
        }
        break;
      default:
        writeNarrow(out, kind, array);
    }
  }

  private static void writeNarrow(ByteOut out, int kind, Object array) {
    switch (kind) {
      case TypeInfo.ARR_FLOAT:
        float[] f = (float[]) array;
        out.varint(f.length);
        for (float x : f) {
          out.int32(Float.floatToRawIntBits(x));
        }
        break;
      case TypeInfo.ARR_SHORT:
        short[] s = (short[]) array;
        out.varint(s.length);
        for (short x : s) {
          out.int16(x);
        }
        break;
      default:
        char[] c = (char[]) array;
        out.varint(c.length);
        for (char x : c) {
          out.int16(x);
        }
    }
  }

  static Object read(ByteIn in, int kind) {
    switch (kind) {
      case TypeInfo.ARR_BYTE:
        return in.bytes(in.count(1));
      case TypeInfo.ARR_BOOLEAN:
        boolean[] z = new boolean[in.count(1)];
        for (int i = 0; i < z.length; i++) {
          z[i] = readBoolean(in);
        }
        return z;
      case TypeInfo.ARR_INT:
        int[] ints = new int[in.count(4)];
        for (int i = 0; i < ints.length; i++) {
          ints[i] = in.int32();
        }
        return ints;
      case TypeInfo.ARR_LONG:
        long[] longs = new long[in.count(8)];
        for (int i = 0; i < longs.length; i++) {
          longs[i] = in.int64();
        }
        return longs;
      case TypeInfo.ARR_DOUBLE:
        double[] d = new double[in.count(8)];
        for (int i = 0; i < d.length; i++) {
          d[i] = Double.longBitsToDouble(in.int64());
        }
        return d;
      default:
        return readNarrow(in, kind);
    }
  }

  private static Object readNarrow(ByteIn in, int kind) {
    switch (kind) {
      case TypeInfo.ARR_FLOAT:
        float[] f = new float[in.count(4)];
        for (int i = 0; i < f.length; i++) {
          f[i] = Float.intBitsToFloat(in.int32());
        }
        return f;
      case TypeInfo.ARR_SHORT:
        short[] s = new short[in.count(2)];
        for (int i = 0; i < s.length; i++) {
          s[i] = (short) in.int16();
        }
        return s;
      default:
        char[] c = new char[in.count(2)];
        for (int i = 0; i < c.length; i++) {
          c[i] = (char) in.int16();
        }
        return c;
    }
  }

  /** Only 0 and 1 are valid, so that re-encoding a decoded value gives the same bytes. */
  static boolean readBoolean(ByteIn in) {
    int b = in.read();
    if (b > 1) {
      throw in.bad("boolean byte " + b);
    }
    return b == 1;
  }
}
