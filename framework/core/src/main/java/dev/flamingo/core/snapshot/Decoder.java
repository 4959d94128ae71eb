package dev.flamingo.core.snapshot;

import static dev.flamingo.core.snapshot.UnsafeAccess.U;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads one encoding written by {@link Encoder}, treating the bytes as untrusted: every length is
 * checked against the remaining input before allocating, every value is type-checked before it is
 * stored, and nesting uses an explicit stack. One instance per decode call.
 *
 * <p>HashMap/HashSet/TreeMap/TreeSet are filled only after everything else is complete (inner
 * collections first), because inserting calls hashCode/compareTo of keys whose fields may not be
 * read yet when a key refers back to an object that is still being decoded. Records and adapted
 * values first fill the collections inside them, since their constructors may copy them.
 */
final class Decoder {

  private static final Object PUSHED = new Object();
  private static final Object PENDING = new Object();
  /**
   * Nesting limit: legitimate depth is at most the object count (a long linked chain), while each
   * level costs about 100 bytes of decoder memory, so this bounds hostile input to about 400 MB.
   */
  static final int MAX_DEPTH = 1 << 22;
  private static final int SEGMENT_BITS = 12;
  private static final int SEGMENT_MASK = (1 << SEGMENT_BITS) - 1;

  private final TypeRegistry registry;
  private final Function<String, Object> resolver;
  private final ByteIn in;
  private final long tableBudget;
  private long tableSlots;
  /** Objects by index, in segments so that no store hits a humongous array (see IdentityIndex). */
  private Object[][] table = new Object[16][];
  private int nextIndex;
  private TypeInfo[] classes = new TypeInfo[32];
  private int classCount;
  private DecodeFrame[] stack = new DecodeFrame[64];
  private int depth;
  private final List<DecodeFrame> deferred = new ArrayList<>();

  Decoder(TypeRegistry registry, Function<String, Object> resolver, byte[] bytes, int offset) {
    this.registry = registry;
    this.resolver = resolver;
    this.in = new ByteIn(bytes, offset);
    // Hash tables keep their size after removals, so a legitimate table may be much larger than its
    // entries; still, a hostile length field must not allocate gigabytes.
    this.tableBudget = Math.max(1 << 22, 16L * bytes.length);
  }

  Object decode() {
    readHeader();
    DecodeFrame root = push().set(null, null, null, new Object[1], 1);
    root.deferMark = 0;
    Object result = null;
    while (depth > 0) {
      DecodeFrame f = stack[depth - 1];
      if (f.pos < f.end) {
        if (f.plan != null) {
          readFields(f);
        } else {
          readSlots(f);
        }
        continue;
      }
      Object done = finish(f);
      depth--;
      if (depth > 0) {
        store(stack[depth - 1], done);
      } else {
        result = done;
      }
    }
    if (in.remaining() != 0) {
      throw in.bad(in.remaining() + " trailing bytes");
    }
    flushDeferred(0);
    return result;
  }

  private void readHeader() {
    for (byte b : Format.MAGIC) {
      if (in.read() != (b & 0xFF)) {
        throw new SnapshotFormatException("not a Flamingo encoding: bad magic (expected 'FLSN')");
      }
    }
    int version = in.varint();
    if (version != Format.VERSION) {
      throw new SnapshotFormatException("unsupported format version " + version + "; this build reads version "
          + Format.VERSION);
    }
    int mode = in.read();
    int expected = resolver == null ? Format.MODE_SNAPSHOT : Format.MODE_PAYLOAD;
    if (mode != expected) {
      throw new SnapshotFormatException("encoding mode " + mode + " where " + expected + " was expected"
          + " (snapshots are read with decode(bytes), payloads with decode(bytes, resolver))");
    }
  }

  private DecodeFrame push() {
    if (depth == MAX_DEPTH) {
      throw in.bad("objects nested deeper than " + MAX_DEPTH);
    }
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
    }
    DecodeFrame f = stack[depth];
    if (f == null) {
      f = new DecodeFrame();
      stack[depth] = f;
    }
    depth++;
    return f;
  }

  private void readFields(DecodeFrame f) {
    FieldPlan p = f.plan;
    Object o = f.obj;
    while (f.pos < f.end) {
      int i = f.pos;
      long off = p.offsets[i];
      switch (p.kinds[i]) {
        case FieldPlan.REF:
          Object v = readRef();
          if (v == PUSHED) {
            return;
          }
          storeField(f, v);
          continue;
        case FieldPlan.INT:
          U.putInt(o, off, in.zigzag());
          break;
        case FieldPlan.LONG:
          U.putLong(o, off, in.zigzagLong());
          break;
        case FieldPlan.DOUBLE:
          U.putLong(o, off, in.int64());
          break;
        case FieldPlan.FLOAT:
          U.putInt(o, off, in.int32());
          break;
        case FieldPlan.BOOLEAN:
          U.putBoolean(o, off, PrimitiveArrays.readBoolean(in));
          break;
        case FieldPlan.BYTE:
          U.putByte(o, off, (byte) in.read());
          break;
        case FieldPlan.SHORT:
          U.putShort(o, off, (short) in.zigzag());
          break;
        default:
          U.putChar(o, off, readChar());
      }
      f.pos = i + 1;
    }
  }

  private char readChar() {
    int c = in.varint();
    if ((c & ~0xFFFF) != 0) {
      throw in.bad("char value " + c);
    }
    return (char) c;
  }

  private void readSlots(DecodeFrame f) {
    while (f.pos < f.end) {
      if (f.kinds != null && f.kinds[f.pos] != FieldPlan.REF) {
        f.buf[f.pos] = readBoxedPrimitive(f.kinds[f.pos]);
        f.pos++;
        continue;
      }
      Object v = readRef();
      if (v == PUSHED) {
        return;
      }
      store(f, v);
    }
  }

  private Object readBoxedPrimitive(byte kind) {
    switch (kind) {
      case FieldPlan.INT:
        return in.zigzag();
      case FieldPlan.LONG:
        return in.zigzagLong();
      case FieldPlan.DOUBLE:
        return Double.longBitsToDouble(in.int64());
      case FieldPlan.FLOAT:
        return Float.intBitsToFloat(in.int32());
      case FieldPlan.BOOLEAN:
        return PrimitiveArrays.readBoolean(in);
      case FieldPlan.BYTE:
        return (byte) in.read();
      case FieldPlan.SHORT:
        return (short) in.zigzag();
      default:
        return readChar();
    }
  }

  /** Stores a completed child into the slot its parent is at, after checking its type. */
  private void store(DecodeFrame f, Object v) {
    if (f.plan != null) {
      storeField(f, v);
      return;
    }
    int i = f.pos;
    Class<?> expected = f.types != null ? f.types[i]
        : f.info != null && f.info.kind == TypeInfo.ARR_OBJECT ? f.info.component.type : null;
    if (v != null && expected != null && !expected.isInstance(v)) {
      throw in.bad(v.getClass().getName() + " cannot be stored in " + describe(f) + " of type "
          + expected.getName());
    }
    f.buf[i] = v;
    f.pos = i + 1;
  }

  private void storeField(DecodeFrame f, Object v) {
    int i = f.pos;
    if (v != null && !f.plan.types[i].isInstance(v)) {
      throw in.bad(v.getClass().getName() + " cannot be stored in field " + f.info.type.getName() + "."
          + f.plan.names[i] + " of type " + f.plan.types[i].getName());
    }
    U.putObject(f.obj, f.plan.offsets[i], v);
    f.pos = i + 1;
  }

  private static String describe(DecodeFrame f) {
    return f.info == null ? "the root" : "slot " + f.pos + " of " + f.info.id;
  }

  private Object readRef() {
    int tag = in.varint();
    if (tag == Format.NULL) {
      return null;
    }
    if (tag == Format.DEFINE) {
      return readNew(define());
    }
    if (tag == Format.EXTERNAL) {
      return readExternal();
    }
    int w = tag - Format.FIRST_REF;
    int k = w >>> 1;
    if ((w & 1) == 0) {
      if (k >= nextIndex) {
        throw in.bad("reference to object #" + k + " of " + nextIndex);
      }
      Object o = table[k >>> SEGMENT_BITS][k & SEGMENT_MASK];
      if (o == PENDING) {
        throw in.bad("reference to object #" + k + " that is still being built");
      }
      return o;
    }
    if (k >= classCount) {
      throw in.bad("undefined class #" + k);
    }
    return readNew(classes[k]);
  }

  private Object readExternal() {
    if (resolver == null) {
      throw in.bad("external reference in a snapshot");
    }
    String id = in.string();
    Object o = resolver.apply(id);
    if (o == null) {
      throw in.bad("external reference '" + id + "' does not resolve to an object");
    }
    return o;
  }

  private TypeInfo define() {
    int builtin = in.varint();
    TypeInfo t = builtin != 0 ? registry.builtin(builtin - 1) : defineById();
    if (t == null || t.kind >= TypeInfo.ABSTRACT) {
      throw in.bad("unknown built-in type #" + builtin);
    }
    if (classCount == classes.length) {
      classes = Arrays.copyOf(classes, classCount * 2);
    }
    classes[classCount++] = t;
    return t;
  }

  private TypeInfo defineById() {
    String id = in.string();
    int shape = in.int32();
    TypeInfo t = registry.infoForId(id);
    if (t == null || t.kind >= TypeInfo.ABSTRACT) {
      throw in.bad("unknown class id '" + id + "' (the writer registered types this registry lacks)");
    }
    if (shape != t.shapeHash()) {
      throw in.bad("class '" + id + "' (" + t.type.getName() + ") has different fields than the writer's;"
          + " snapshots are only readable by the same code version");
    }
    return t;
  }

  private int register(Object o) {
    int segment = nextIndex >>> SEGMENT_BITS;
    int offset = nextIndex & SEGMENT_MASK;
    if (segment == table.length) {
      table = Arrays.copyOf(table, segment * 2);
    }
    Object[] objects = table[segment];
    if (objects == null || offset == objects.length) {
      // The first segment starts small, since most payloads hold only a few objects.
      objects = objects != null ? Arrays.copyOf(objects, objects.length * 2)
          : new Object[segment == 0 ? 16 : 1 << SEGMENT_BITS];
      table[segment] = objects;
    }
    objects[offset] = o;
    return nextIndex++;
  }

  private Object readNew(TypeInfo t) {
    if (t.isLeaf()) {
      return readLeaf(t);
    }
    switch (t.kind) {
      case TypeInfo.PLAIN:
        Object o = t.allocate();
        register(o);
        FieldPlan plan = t.fields();
        if (plan.names.length == 0) {
          return o;
        }
        push().set(t, o, plan, null, plan.names.length);
        return PUSHED;
      case TypeInfo.ARR_OBJECT:
        int n = in.count(1);
        Object[] array = (Object[]) Array.newInstance(t.component.type, n);
        register(array);
        push().set(t, array, null, array, n);
        return PUSHED;
      default:
        if (t.kind < TypeInfo.ARR_OBJECT) {
          Object primitives = PrimitiveArrays.read(in, t.kind);
          register(primitives);
          return primitives;
        }
        return t.kind >= TypeInfo.RECORD ? readValue(t) : readCollection(t);
    }
  }

  private Object readLeaf(TypeInfo t) {
    switch (t.kind) {
      case TypeInfo.STRING:
        String string = in.string();
        register(string); // later equal strings refer back to it
        return string;
      case TypeInfo.INT:
        return in.zigzag();
      case TypeInfo.DOUBLE:
        return Double.longBitsToDouble(in.int64());
      case TypeInfo.LONG:
        return in.zigzagLong();
      case TypeInfo.BOOLEAN:
        return PrimitiveArrays.readBoolean(in);
      case TypeInfo.FLOAT:
        return Float.intBitsToFloat(in.int32());
      case TypeInfo.BYTE:
        return (byte) in.read();
      case TypeInfo.SHORT:
        return (short) in.zigzag();
      case TypeInfo.CHAR:
        return readChar();
      case TypeInfo.BIG_INTEGER:
        return readBigInteger();
      case TypeInfo.BIG_DECIMAL:
        int scale = in.zigzag();
        return new BigDecimal(readBigInteger(), scale);
      case TypeInfo.ENUM:
        Object[] constants = t.enumConstants();
        int ordinal = in.varint();
        if (ordinal < 0 || ordinal >= constants.length) {
          throw in.bad("ordinal " + ordinal + " of enum " + t.type.getName());
        }
        return constants[ordinal];
      default:
        return t.singleton;
    }
  }

  private BigInteger readBigInteger() {
    int n = in.count(1);
    if (n == 0) {
      throw in.bad("empty BigInteger");
    }
    return new BigInteger(in.bytes(n));
  }

  private Object readCollection(TypeInfo t) {
    int tableLength = 0;
    int threshold = 0;
    Object shell;
    int slots;
    switch (t.kind) {
      case TypeInfo.HASH_MAP:
      case TypeInfo.HASH_SET:
        tableLength = in.varint();
        threshold = in.varint();
        float loadFactor = Float.intBitsToFloat(in.int32());
        int size = in.count(t.kind == TypeInfo.HASH_MAP ? 2 : 1);
        HashLayout.validate(in, tableLength, threshold, loadFactor, size);
        tableSlots += tableLength;
        if (tableSlots > tableBudget) {
          throw in.bad("hash tables of " + tableSlots + " slots exceed the budget for this input");
        }
        shell = t.kind == TypeInfo.HASH_MAP ? HashLayout.newMap(tableLength, loadFactor)
            : HashLayout.newSet(tableLength, loadFactor);
        slots = t.kind == TypeInfo.HASH_MAP ? size * 2 : size;
        break;
      case TypeInfo.LINKED_HASH_MAP:
        boolean accessOrder = PrimitiveArrays.readBoolean(in);
        int pairs = in.count(2);
        shell = HashLayout.newLinkedMap(accessOrder, pairs);
        slots = pairs * 2;
        break;
      case TypeInfo.TREE_MAP:
        shell = new TreeMap<>();
        slots = 1 + in.count(2) * 2;
        break;
      case TypeInfo.TREE_SET:
        shell = new TreeSet<>();
        slots = 1 + in.count(1);
        break;
      case TypeInfo.ENUM_SET:
      case TypeInfo.ENUM_MAP:
        shell = EnumLayout.newShell(t.kind, readEnumType());
        slots = t.kind == TypeInfo.ENUM_SET ? in.count(1) : in.count(2) * 2;
        break;
      default:
        slots = in.count(1);
        shell = CollectionFill.newSequence(t.kind, slots);
    }
    register(shell);
    DecodeFrame f = push().set(t, shell, null, new Object[slots], slots);
    f.tableLength = tableLength;
    f.threshold = threshold;
    return PUSHED;
  }

  private Class<?> readEnumType() {
    String id = in.string();
    TypeInfo e = registry.infoForId(id);
    if (e == null || e.kind != TypeInfo.ENUM) {
      throw in.bad("'" + id + "' is not a registered enum");
    }
    return e.type;
  }

  private Object readValue(TypeInfo t) {
    int index = register(PENDING);
    DecodeFrame f;
    switch (t.kind) {
      case TypeInfo.RECORD:
        RecordPlan plan = t.record();
        int n = plan.names.length;
        f = push().set(t, null, null, new Object[n], n);
        f.kinds = plan.kinds;
        f.types = plan.types;
        break;
      case TypeInfo.ADAPTER:
        f = push().set(t, null, null, new Object[1], 1);
        break;
      default:
        int size = in.count(1);
        f = push().set(t, null, null, new Object[size], size);
    }
    f.index = index;
    f.deferMark = deferred.size();
    return PUSHED;
  }

  @SuppressWarnings("unchecked")
  private Object finish(DecodeFrame f) {
    TypeInfo t = f.info;
    if (t == null) {
      return f.buf[0];
    }
    switch (t.kind) {
      case TypeInfo.PLAIN:
      case TypeInfo.ARR_OBJECT:
        return f.obj;
      case TypeInfo.ARRAY_LIST:
      case TypeInfo.LINKED_LIST:
      case TypeInfo.ARRAY_DEQUE:
        CollectionFill.addAll(in, (Collection<Object>) f.obj, f.buf);
        return f.obj;
      case TypeInfo.RECORD:
      case TypeInfo.ADAPTER:
      case TypeInfo.IMMUTABLE_LIST:
        flushDeferred(f.deferMark);
        Object value = construct(f);
        table[f.index >>> SEGMENT_BITS][f.index & SEGMENT_MASK] = value;
        return value;
      default:
        DecodeFrame copy = new DecodeFrame().set(t, f.obj, null, f.buf, f.end);
        copy.tableLength = f.tableLength;
        copy.threshold = f.threshold;
        deferred.add(copy);
        return f.obj;
    }
  }

  private Object construct(DecodeFrame f) {
    TypeInfo t = f.info;
    try {
      switch (t.kind) {
        case TypeInfo.RECORD:
          return t.record().constructor.newInstance(f.buf);
        case TypeInfo.ADAPTER:
          Object value = t.adapter.read(f.buf[0]);
          if (!t.type.isInstance(value)) {
            throw new SnapshotFormatException("the TypeAdapter for " + t.type.getName() + " returned "
                + (value == null ? "null" : value.getClass().getName()));
          }
          return value;
        default:
          for (Object o : f.buf) {
            if (o == null) {
              return Arrays.stream(f.buf).toList();
            }
          }
          return List.of(f.buf);
      }
    } catch (InvocationTargetException e) {
      throw new SnapshotFormatException("the constructor of " + t.type.getName() + " rejected the decoded"
          + " components: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (e instanceof SnapshotFormatException) {
        throw (SnapshotFormatException) e;
      }
      throw new SnapshotFormatException("cannot rebuild " + t.type.getName() + ": " + e, e);
    }
  }

  /** Fills deferred collections from {@code mark} on, in completion order (inner ones first). */
  private void flushDeferred(int mark) {
    for (int i = mark; i < deferred.size(); i++) {
      try {
        CollectionFill.populate(in, deferred.get(i));
      } catch (SnapshotFormatException e) {
        throw e;
      } catch (RuntimeException e) { // hashCode/compareTo of decoded keys, or wrong key types
        throw new SnapshotFormatException("cannot fill a " + deferred.get(i).info.id + ": " + e, e);
      }
    }
    deferred.subList(mark, deferred.size()).clear();
  }
}
