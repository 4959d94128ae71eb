package dev.flamingo.core.snapshot;

import static dev.flamingo.core.snapshot.UnsafeAccess.U;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one object graph (see {@link Format}); depth first with an explicit stack, so a 100,000
 * element linked structure needs no deep Java recursion. One instance per encode call.
 */
final class Encoder {

  /** Numbers encodes, so that indices noted in objects by one encode are not taken for another's. */
  private static final AtomicLong ENCODES = new AtomicLong();

  private final TypeRegistry registry;
  private final ExternalRefs refs;
  private final long epoch = nextEpoch();
  private final ByteOut out;
  private final IdentityIndex ids;
  /** Strings are values: one equal to a recently written string refers back to it. */
  private final StringCache strings;
  private int nextIndex;
  private int[] classSlots;
  private int classCount;
  private EncodeFrame[] stack = new EncodeFrame[64];
  private int depth;
  /** Indices of records/adapted values being written; a reference to one of them is a cycle. */
  private final BitSet openValues = new BitSet();
  private Class<?> lastClass;
  private TypeInfo lastInfo;
  private Class<?> otherClass;
  private TypeInfo otherInfo;
  /** Takes each block of the output as soon as it is complete, if set; see {@link #encodeInBlocks}. */
  private BlockCompressor blocks;
  private int nextBlockEnd = Integer.MAX_VALUE;

  Encoder(TypeRegistry registry, ExternalRefs refs, byte[] scratch, int expectedObjects) {
    this.registry = registry;
    this.refs = refs;
    this.out = new ByteOut(scratch);
    this.ids = new IdentityIndex(expectedObjects);
    // The cache size shapes the bytes, so it depends only on the mode, never on history.
    this.strings = new StringCache(refs == null ? 4096 : 16);
    this.classSlots = new int[registry.serialCount() + 16];
  }

  /** 32 bits, never 0: that is what the index field of an object no encode has seen holds. */
  private static long nextEpoch() {
    long epoch = ENCODES.incrementAndGet() & 0xFFFF_FFFFL;
    return epoch == 0 ? ENCODES.incrementAndGet() & 0xFFFF_FFFFL : epoch;
  }

  byte[] encode(byte[] header, Object root) {
    write(header, root);
    return out.toByteArray();
  }

  /**
   * Encodes into the scratch buffer without copying it out, handing each block to {@code blocks} as soon
   * as it is complete, so compression overlaps encoding; the encoding is {@link #scratch()}{@code [0, n)}.
   *
   * @return n, the length of the encoding
   */
  int encodeInBlocks(byte[] header, Object root, BlockCompressor blocks) {
    this.blocks = blocks;
    nextBlockEnd = blocks.offer(out.buffer(), out.size());
    write(header, root);
    blocks.finish(out.buffer(), out.size());
    return out.size();
  }

  private void write(byte[] header, Object root) {
    out.writeBytes(header);
    out.writeBytes(Format.MAGIC);
    out.varint(Format.VERSION);
    out.write(refs == null ? Format.MODE_SNAPSHOT : Format.MODE_PAYLOAD);
    push().slots(null, null, new Object[] {root}, 1, null);
    run();
  }

  /** How many objects with identity were written (strings excluded): sizes the next identity table. */
  int objectCount() {
    return ids.size();
  }

  /** The output buffer, to be reused by the next encode. */
  byte[] scratch() {
    return out.buffer();
  }

  private EncodeFrame push() {
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
    }
    EncodeFrame f = stack[depth];
    if (f == null) {
      f = new EncodeFrame();
      stack[depth] = f;
    }
    depth++;
    return f;
  }

  private void run() {
    while (depth > 0) {
      if (out.size() >= nextBlockEnd) {
        nextBlockEnd = blocks.offer(out.buffer(), out.size());
      }
      EncodeFrame f = stack[depth - 1];
      if (f.pos >= f.end) {
        if (f.valueIndex >= 0) {
          openValues.clear(f.valueIndex);
        }
        depth--;
        continue;
      }
      if (f.plan != null) {
        writeFields(f);
      } else {
        writeSlots(f);
      }
    }
  }

  /** Writes fields until one of them pushes a child frame or the object is done. */
  private void writeFields(EncodeFrame f) {
    int d = depth;
    FieldPlan p = f.plan;
    Object o = f.obj;
    do {
      int i = f.pos++;
      long off = p.offsets[i];
      switch (p.kinds[i]) {
        case FieldPlan.REF:
          writeRef(U.getObject(o, off));
          break;
        case FieldPlan.INT:
          out.zigzag(U.getInt(o, off));
          break;
        case FieldPlan.LONG:
          out.zigzagLong(U.getLong(o, off));
          break;
        case FieldPlan.DOUBLE:
          out.int64(U.getLong(o, off)); // raw bits: NaN payloads and -0.0 survive
          break;
        case FieldPlan.FLOAT:
          out.int32(U.getInt(o, off));
          break;
        case FieldPlan.BOOLEAN:
          out.write(U.getBoolean(o, off) ? 1 : 0);
          break;
        case FieldPlan.BYTE:
          out.write(U.getByte(o, off));
          break;
        case FieldPlan.SHORT:
          out.zigzag(U.getShort(o, off));
          break;
        default:
          out.varint(U.getChar(o, off));
      }
    } while (depth == d && f.pos < f.end);
  }

  private void writeSlots(EncodeFrame f) {
    int d = depth;
    do {
      int i = f.pos++;
      Object v = f.slots[i];
      if (f.kinds != null && f.kinds[i] != FieldPlan.REF) {
        writeBoxedPrimitive(f.kinds[i], v);
      } else {
        if (v != null && (f.keyCheck == EncodeFrame.KEYS_ALL
            || (f.keyCheck == EncodeFrame.KEYS_EVEN && (i & 1) == 0))) {
          checkHashKey(v);
        }
        writeRef(v);
      }
    } while (depth == d && f.pos < f.end);
  }

  private void writeBoxedPrimitive(byte kind, Object v) {
    switch (kind) {
      case FieldPlan.INT:
        out.zigzag((Integer) v);
        break;
      case FieldPlan.LONG:
        out.zigzagLong((Long) v);
        break;
      case FieldPlan.DOUBLE:
        out.int64(Double.doubleToRawLongBits((Double) v));
        break;
      case FieldPlan.FLOAT:
        out.int32(Float.floatToRawIntBits((Float) v));
        break;
      case FieldPlan.BOOLEAN:
        out.write((Boolean) v ? 1 : 0);
        break;
      case FieldPlan.BYTE:
        out.write((Byte) v);
        break;
      case FieldPlan.SHORT:
        out.zigzag((Short) v);
        break;
      default:
        out.varint((Character) v);
    }
  }

  /** Two-entry cache in front of the registry: fields alternate between a few classes. */
  private TypeInfo infoOf(Class<?> c) {
    if (c == lastClass) {
      return lastInfo;
    }
    if (c == otherClass) {
      return otherInfo;
    }
    otherClass = lastClass;
    otherInfo = lastInfo;
    lastInfo = registry.infoFor(c);
    lastClass = c;
    return lastInfo;
  }

  private void writeRef(Object v) {
    if (v == null) {
      out.write(Format.NULL);
      return;
    }
    TypeInfo t = infoOf(v.getClass());
    if (t.isLeaf()) {
      if (t.kind == TypeInfo.STRING) {
        int seen = strings.putIfAbsent((String) v, nextIndex);
        if (seen >= 0) {
          out.varint(Format.FIRST_REF + (seen << 1));
          return;
        }
        nextIndex++;
      }
      writeClassTag(t);
      writeLeaf(t, v);
      return;
    }
    if (t.kind >= TypeInfo.ABSTRACT) {
      throw fail(t.problem != null ? t.problem : v.getClass().getName() + " cannot be instantiated");
    }
    if (refs != null && t.kind == TypeInfo.PLAIN) {
      String external;
      try {
        external = refs.externalId(v);
      } catch (RuntimeException e) {
        throw fail(e.getMessage());
      }
      if (external != null) {
        out.write(Format.EXTERNAL);
        out.string(external);
        return;
      }
    }
    int seen = t.indexOffset < 0 ? ids.putIfAbsent(v, nextIndex) : noteIndex(v, t.indexOffset);
    if (seen >= 0) {
      if (openValues.get(seen)) {
        throw fail(t.type.getName() + " is part of a reference cycle that leads back to itself;"
            + " records and adapted values are rebuilt from their contents, so they cannot contain"
            + " themselves: use a registered plain class for one of the objects in the cycle");
      }
      out.varint(Format.FIRST_REF + (seen << 1));
      return;
    }
    int index = nextIndex++;
    writeClassTag(t);
    writeBody(t, v, index);
  }

  /**
   * Like {@code ids.putIfAbsent} for an object that keeps its own index (see
   * {@link TypeRegistry#indexInField}): the high half of the field names the encode that wrote the low
   * half, so notes left by earlier (or failed) encodes never count. It would take 2^32 encodes for a
   * stale note to look current.
   */
  private int noteIndex(Object v, long offset) {
    long note = U.getLong(v, offset);
    if ((note >>> 32) == epoch) {
      return (int) note;
    }
    U.putLong(v, offset, (epoch << 32) | nextIndex);
    return -1;
  }

  private void writeClassTag(TypeInfo t) {
    int serial = t.serial;
    if (serial >= classSlots.length) {
      classSlots = Arrays.copyOf(classSlots, Math.max(serial + 1, classSlots.length * 2));
    }
    int local = classSlots[serial];
    if (local != 0) {
      out.varint(Format.FIRST_REF + 1 + ((local - 1) << 1));
      return;
    }
    classSlots[serial] = ++classCount;
    out.write(Format.DEFINE);
    if (registry.isBuiltin(t)) {
      out.varint(serial + 1);
    } else {
      out.write(0);
      out.string(t.id);
      out.int32(t.shapeHash());
    }
  }

  private void writeLeaf(TypeInfo t, Object v) {
    switch (t.kind) {
      case TypeInfo.STRING:
        out.string((String) v);
        break;
      case TypeInfo.INT:
        out.zigzag((Integer) v);
        break;
      case TypeInfo.DOUBLE:
        out.int64(Double.doubleToRawLongBits((Double) v));
        break;
      case TypeInfo.LONG:
        out.zigzagLong((Long) v);
        break;
      case TypeInfo.BOOLEAN:
        out.write((Boolean) v ? 1 : 0);
        break;
      case TypeInfo.FLOAT:
        out.int32(Float.floatToRawIntBits((Float) v));
        break;
      case TypeInfo.BYTE:
        out.write((Byte) v);
        break;
      case TypeInfo.SHORT:
        out.zigzag((Short) v);
        break;
      case TypeInfo.CHAR:
        out.varint((Character) v);
        break;
      case TypeInfo.BIG_INTEGER:
        writeBigInteger((BigInteger) v);
        break;
      case TypeInfo.BIG_DECIMAL:
        out.zigzag(((BigDecimal) v).scale());
        writeBigInteger(((BigDecimal) v).unscaledValue());
        break;
      case TypeInfo.ENUM:
        out.varint(((Enum<?>) v).ordinal());
        break;
      default: // SINGLETON: the class tag says it all
    }
  }

  private void writeBigInteger(BigInteger b) {
    byte[] bytes = b.toByteArray();
    out.varint(bytes.length);
    out.writeBytes(bytes);
  }

  private void writeBody(TypeInfo t, Object v, int index) {
    switch (t.kind) {
      case TypeInfo.PLAIN:
        push().fields(t, v, t.fields());
        break;
      case TypeInfo.ARR_OBJECT:
        Object[] array = (Object[]) v;
        out.varint(array.length);
        push().slots(t, v, array, array.length, null);
        break;
      case TypeInfo.ARRAY_LIST:
      case TypeInfo.LINKED_LIST:
      case TypeInfo.ARRAY_DEQUE:
        writeElements(t, v, ((Collection<?>) v).toArray());
        break;
      case TypeInfo.HASH_MAP:
        writeHashSizing((HashMap<?, ?>) v);
        writeEntries(t, v, (Map<?, ?>) v, null).keyCheck = EncodeFrame.KEYS_EVEN;
        break;
      case TypeInfo.LINKED_HASH_MAP:
        out.write(HashLayout.accessOrder((LinkedHashMap<?, ?>) v) ? 1 : 0);
        writeEntries(t, v, (Map<?, ?>) v, null);
        break;
      case TypeInfo.TREE_MAP:
        writeEntries(t, v, (Map<?, ?>) v, ((TreeMap<?, ?>) v).comparator());
        break;
      case TypeInfo.HASH_SET:
        writeHashSizing(HashLayout.backingMap((HashSet<?>) v));
        writeElements(t, v, ((Collection<?>) v).toArray()).keyCheck = EncodeFrame.KEYS_ALL;
        break;
      case TypeInfo.LINKED_HASH_SET:
        writeElements(t, v, ((Collection<?>) v).toArray());
        break;
      case TypeInfo.TREE_SET:
        writeSorted(t, (TreeSet<?>) v);
        break;
      case TypeInfo.ENUM_SET:
        writeEnumType(EnumLayout.elementType((EnumSet<?>) v));
        writeElements(t, v, ((Collection<?>) v).toArray());
        break;
      case TypeInfo.ENUM_MAP:
        writeEnumType(EnumLayout.keyType((EnumMap<?, ?>) v));
        writeEntries(t, v, (Map<?, ?>) v, null);
        break;
      default:
        writeValueOrPrimitiveArray(t, v, index);
    }
  }

  private void writeValueOrPrimitiveArray(TypeInfo t, Object v, int index) {
    EncodeFrame f;
    switch (t.kind) {
      case TypeInfo.RECORD:
        RecordPlan plan = t.record();
        Object[] components = new Object[plan.names.length];
        for (int i = 0; i < components.length; i++) {
          components[i] = plan.component(v, i);
        }
        f = push();
        f.slots(t, v, components, components.length, plan.kinds);
        break;
      case TypeInfo.ADAPTER:
        Object written;
        try {
          written = t.adapter.write(v);
        } catch (RuntimeException e) {
          throw fail("the TypeAdapter for " + t.type.getName() + " threw " + e);
        }
        f = push();
        f.slots(t, v, new Object[] {written}, 1, null);
        break;
      case TypeInfo.IMMUTABLE_LIST:
        f = writeElements(t, v, ((Collection<?>) v).toArray());
        break;
      default:
        PrimitiveArrays.write(out, t.kind, v);
        return;
    }
    f.valueIndex = index;
    openValues.set(index);
  }

  private void writeEnumType(Class<?> enumType) {
    TypeInfo e = infoOf(enumType);
    if (e.kind != TypeInfo.ENUM) {
      throw fail("an EnumSet/EnumMap of " + (e.problem != null ? e.problem : enumType.getName()));
    }
    out.string(e.id);
  }

  private void writeHashSizing(HashMap<?, ?> map) {
    Object collider = HashLayout.keyInTreeBin(map);
    if (collider != null) {
      throw fail("a HashMap/HashSet has 8 or more keys in one bucket (e.g. " + collider.getClass().getName()
          + " " + collider + "), whose order a restored replica cannot reproduce; give "
          + collider.getClass().getName() + " a better hashCode, or use LinkedHashMap/LinkedHashSet or TreeMap/TreeSet");
    }
    out.varint(HashLayout.tableLength(map));
    out.varint(HashLayout.threshold(map));
    out.int32(Float.floatToRawIntBits(HashLayout.loadFactor(map)));
  }

  private EncodeFrame writeElements(TypeInfo t, Object v, Object[] elements) {
    out.varint(elements.length);
    EncodeFrame f = push();
    f.slots(t, v, elements, elements.length, null);
    return f;
  }

  private EncodeFrame writeEntries(TypeInfo t, Object v, Map<?, ?> map, Object comparator) {
    int offset = t.kind == TypeInfo.TREE_MAP ? 1 : 0;
    Object[] slots = new Object[offset + map.size() * 2];
    int i = 0;
    if (offset == 1) {
      slots[i++] = comparator;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      slots[i++] = e.getKey();
      slots[i++] = e.getValue();
    }
    out.varint(map.size());
    EncodeFrame f = push();
    f.slots(t, v, slots, slots.length, null);
    return f;
  }

  private void writeSorted(TypeInfo t, TreeSet<?> set) {
    Object[] slots = new Object[1 + set.size()];
    slots[0] = set.comparator();
    int i = 1;
    for (Object e : set) {
      slots[i++] = e;
    }
    out.varint(set.size());
    push().slots(t, set, slots, slots.length, null);
  }

  private void checkHashKey(Object key) {
    Object culprit = HashKeys.identityHashed(registry, key);
    if (culprit != null) {
      throw fail(HashKeys.problem(key, culprit));
    }
  }

  private UnsupportedValueException fail(String problem) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      EncodeFrame f = stack[i];
      if (i == 1) {
        path.append(f.obj.getClass().getSimpleName());
      }
      if (i > 0) {
        path.append(f.label());
      }
    }
    return new UnsupportedValueException(path.length() == 0 ? "root" : path.toString(), problem);
  }
}
