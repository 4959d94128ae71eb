package dev.flamingo.core.snapshot;

/**
 * Everything the codec knows about one class: its id, how it is written, and lazily built plans;
 * safe to share, any thread.
 */
final class TypeInfo {

  // Leaves: written inline by value, no identity.
  static final int STRING = 0;
  static final int BOOLEAN = 1;
  static final int BYTE = 2;
  static final int SHORT = 3;
  static final int CHAR = 4;
  static final int INT = 5;
  static final int LONG = 6;
  static final int FLOAT = 7;
  static final int DOUBLE = 8;
  static final int BIG_INTEGER = 9;
  static final int BIG_DECIMAL = 10;
  static final int ENUM = 11;
  static final int SINGLETON = 12;
  // Primitive arrays: identity, body inline.
  static final int ARR_BOOLEAN = 20;
  static final int ARR_BYTE = 21;
  static final int ARR_SHORT = 22;
  static final int ARR_CHAR = 23;
  static final int ARR_INT = 24;
  static final int ARR_LONG = 25;
  static final int ARR_FLOAT = 26;
  static final int ARR_DOUBLE = 27;
  // Containers: identity, children are slots.
  static final int ARR_OBJECT = 30;
  static final int PLAIN = 31;
  static final int ARRAY_LIST = 32;
  static final int LINKED_LIST = 33;
  static final int ARRAY_DEQUE = 34;
  static final int HASH_MAP = 35;
  static final int LINKED_HASH_MAP = 36;
  static final int TREE_MAP = 37;
  static final int HASH_SET = 38;
  static final int LINKED_HASH_SET = 39;
  static final int TREE_SET = 40;
  static final int ENUM_SET = 41;
  static final int ENUM_MAP = 42;
  // Values built from their children: identity, constructed when complete.
  static final int RECORD = 50;
  static final int ADAPTER = 51;
  static final int IMMUTABLE_LIST = 52;
  /** Array component only (interfaces, abstract classes): never an instance. */
  static final int ABSTRACT = 60;
  /** Not storable; {@link #problem} says why and what to do. */
  static final int UNSUPPORTED = 61;

  final String id;
  final Class<?> type;
  final int kind;
  final int serial;
  final TypeAdapter<Object> adapter;
  final Object singleton;
  final String problem;
  /** For object arrays: the component's info. */
  final TypeInfo component;
  /**
   * For plain classes under {@link TypeRegistry#indexInField}: the offset of the long field where the
   * encoder notes an instance's index; -1 for all others. Set while registering, before any use.
   */
  long indexOffset = -1;

  private volatile Object plan;
  private volatile int identityHash = -1;

  @SuppressWarnings("unchecked")
  TypeInfo(String id, Class<?> type, int kind, int serial, TypeAdapter<?> adapter, Object singleton,
      String problem, TypeInfo component) {
    this.id = id;
    this.type = type;
    this.kind = kind;
    this.serial = serial;
    this.adapter = (TypeAdapter<Object>) adapter;
    this.singleton = singleton;
    this.problem = problem;
    this.component = component;
  }

  static TypeInfo unsupported(Class<?> type, String problem) {
    return new TypeInfo(null, type, UNSUPPORTED, -1, null, null, problem, null);
  }

  boolean isLeaf() {
    return kind < ARR_BOOLEAN;
  }

  FieldPlan fields() {
    Object p = plan;
    if (p == null) {
      p = FieldPlan.of(type);
      plan = p;
    }
    return (FieldPlan) p;
  }

  RecordPlan record() {
    Object p = plan;
    if (p == null) {
      p = new RecordPlan(type);
      plan = p;
    }
    return (RecordPlan) p;
  }

  Object[] enumConstants() {
    Object p = plan;
    if (p == null) {
      p = type.getEnumConstants();
      plan = p;
    }
    return (Object[]) p;
  }

  /** Hash of the field layout written next to a class definition, to catch mismatched code early. */
  int shapeHash() {
    switch (kind) {
      case PLAIN:
        return fields().shapeHash;
      case RECORD:
        return record().shapeHash;
      case ENUM:
        return enumConstants().length;
      default:
        return 0;
    }
  }

  /**
   * A new instance without running any constructor. Unsafe rather than a serialization constructor:
   * reflective construction cost about a tenth of restoring 100,000 models.
   */
  Object allocate() {
    try {
      return UnsafeAccess.U.allocateInstance(type);
    } catch (InstantiationException e) {
      throw new SnapshotFormatException("cannot instantiate " + type.getName() + ": " + e, e);
    }
  }

  /**
   * True when instances hash by identity ({@code Object.hashCode}), which differs between JVMs, so
   * a HashMap keyed by them iterates in a different order on every replica.
   */
  boolean hashesByIdentity() {
    int h = identityHash;
    if (h < 0) {
      h = usesIdentityHash(this) ? 1 : 0;
      identityHash = h;
    }
    return h == 1;
  }

  private static boolean usesIdentityHash(TypeInfo info) {
    switch (info.kind) {
      case TypeInfo.ENUM:
      case TypeInfo.SINGLETON:
        return true;
      case TypeInfo.PLAIN:
      case TypeInfo.ADAPTER:
        try {
          return info.type.getMethod("hashCode").getDeclaringClass() == Object.class;
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException(e);
        }
      default:
        // Arrays of every kind hash by identity; collections, records and leaves by content.
        return info.kind >= TypeInfo.ARR_BOOLEAN && info.kind <= TypeInfo.ARR_OBJECT;
    }
  }
}
