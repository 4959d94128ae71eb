package dev.flamingo.core.snapshot;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Maps every class that may appear in model state or event payloads to a stable id, with an
 * optional {@link TypeAdapter}; JDK types the codec supports are pre-registered under reserved ids
 * starting with {@code java.}. Built on one thread, then {@link #freeze() frozen}; after that it is
 * immutable and safe on any thread.
 *
 * <p>Registered plain classes are stored field by field (every non-static, non-transient field of
 * the class and its superclasses) and restored without running constructors. Records are stored by
 * component and rebuilt through their canonical constructor. Enums are stored by ordinal.
 * Interfaces and abstract classes may be registered so that arrays of them (e.g. {@code Shape[]})
 * can be stored.
 */
public final class TypeRegistry {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.$:-]+");
  static final String RESERVED_PREFIX = "java.";

  private final Map<String, TypeInfo> byId = new HashMap<>();
  private final Map<Class<?>, TypeInfo> byClass = new HashMap<>();
  private final SortedMap<String, Class<?>> userTypes = new TreeMap<>();
  private final AtomicInteger serials = new AtomicInteger();
  /** Built-ins are numbered by registration order (serials 0 to builtinCount - 1). */
  private final java.util.List<TypeInfo> builtins = new java.util.ArrayList<>();
  private final int builtinCount;
  private volatile boolean frozen;
  private Class<?> indexedBase;
  private long indexOffset = -1;

  private final ClassValue<TypeInfo> resolved = new ClassValue<>() {
    @Override
    protected TypeInfo computeValue(Class<?> type) {
      return resolve(type);
    }
  };

  /** Creates a registry holding only the built-in JDK types. */
  public TypeRegistry() {
    Builtins.registerAll(this);
    builtinCount = serials.get();
  }

  /** Registers a class stored field by field (or by component, for records; by ordinal, for enums). */
  public TypeRegistry register(String classId, Class<?> type) {
    checkNew(classId, type);
    TypeInfo info = new TypeInfo(classId, type, userKind(type), serials.getAndIncrement(), null,
        null, null, null);
    if (info.kind == TypeInfo.PLAIN) {
      info.fields();
      if (indexedBase != null && indexedBase.isAssignableFrom(type)) {
        info.indexOffset = indexOffset;
      }
    } else if (info.kind == TypeInfo.RECORD) {
      info.record();
    }
    add(info);
    userTypes.put(classId, type);
    return this;
  }

  /**
   * Lets the encoder note the index of each instance of a plain class registered from now on that
   * extends {@code base} in {@code base}'s transient {@code long} field {@code field}, instead of
   * looking it up in an identity table: for the many objects of one kind in a big graph (a VM's models)
   * that lookup is a cache miss each time. The bytes written are the same. The price: encoding writes
   * that field, so two encodes must never share instances of {@code base} at the same time.
   */
  public TypeRegistry indexInField(Class<?> base, String field) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(field, "field");
    if (frozen) {
      throw new IllegalStateException("registry is frozen; call indexInField before the registry is used");
    }
    try {
      Field f = base.getDeclaredField(field);
      if (f.getType() != long.class || !Modifier.isTransient(f.getModifiers()) || Modifier.isStatic(f.getModifiers())) {
        throw new IllegalArgumentException(base.getName() + "." + field + " must be a transient long instance field");
      }
      indexedBase = base;
      indexOffset = UnsafeAccess.U.objectFieldOffset(f);
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(base.getName() + " has no field " + field, e);
    }
    return this;
  }

  /** Registers a class stored through {@code adapter}; it applies to exactly this class. */
  public <T> TypeRegistry register(String classId, Class<T> type, TypeAdapter<T> adapter) {
    checkNew(classId, type);
    Objects.requireNonNull(adapter, "adapter");
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException("adapter type " + type.getName()
          + " is abstract; adapters match the exact class of a value, register each concrete class");
    }
    add(new TypeInfo(classId, type, TypeInfo.ADAPTER, serials.getAndIncrement(), adapter, null,
        null, null));
    userTypes.put(classId, type);
    return this;
  }

  /** Makes the registry immutable; idempotent. {@link SnapshotCodec} freezes the registry it gets. */
  public TypeRegistry freeze() {
    frozen = true;
    return this;
  }

  /** Whether {@link #freeze()} has been called. */
  public boolean isFrozen() {
    return frozen;
  }

  /** The id of a registered or built-in class, or {@code null}. Array classes are derived: {@code "Foo[]"}. */
  public String idOf(Class<?> type) {
    Objects.requireNonNull(type, "type");
    TypeInfo info = frozen ? resolved.get(type) : byClass.get(type);
    return info == null || info.kind == TypeInfo.UNSUPPORTED ? null : info.id;
  }

  /** The class registered under {@code classId} (built-in ids included), or {@code null}. */
  public Class<?> typeOf(String classId) {
    Objects.requireNonNull(classId, "classId");
    TypeInfo info = infoForId(classId);
    return info == null ? null : info.type;
  }

  /** User registrations (built-ins excluded), sorted by id; e.g. for hashing the code identity. */
  public SortedMap<String, Class<?>> userTypes() {
    return Collections.unmodifiableSortedMap(userTypes);
  }

  // ---- package-private lookups used by the codec ----

  void addBuiltin(TypeInfo info) {
    add(info);
    builtins.add(info);
  }

  /** Whether {@code info} has a fixed built-in number, written instead of its id. */
  boolean isBuiltin(TypeInfo info) {
    return info.serial >= 0 && info.serial < builtinCount;
  }

  /** The built-in with number {@code serial}, or null. */
  TypeInfo builtin(int serial) {
    return serial >= 0 && serial < builtinCount ? builtins.get(serial) : null;
  }

  void addAlias(Class<?> type, TypeInfo info) {
    byClass.put(type, info);
  }

  int nextSerial() {
    return serials.getAndIncrement();
  }

  int serialCount() {
    return serials.get();
  }

  TypeInfo infoFor(Class<?> type) {
    return resolved.get(type);
  }

  TypeInfo infoForId(String classId) {
    TypeInfo info = byId.get(classId);
    if (info == null && classId.endsWith("[]")) {
      TypeInfo component = infoForId(classId.substring(0, classId.length() - 2));
      if (component != null && component.type != null && frozen) {
        info = infoFor(Array.newInstance(component.type, 0).getClass());
      }
    }
    return info;
  }

  private void add(TypeInfo info) {
    byId.put(info.id, info);
    byClass.put(info.type, info);
  }

  private void checkNew(String classId, Class<?> type) {
    Objects.requireNonNull(classId, "classId");
    Objects.requireNonNull(type, "type");
    if (frozen) {
      throw new IllegalStateException("registry is frozen; register " + type.getName()
          + " before the registry is used by a SnapshotCodec");
    }
    if (!ID.matcher(classId).matches()) {
      throw new IllegalArgumentException("class id '" + classId
          + "' must be non-empty and use only letters, digits and _ . $ : -");
    }
    if (classId.startsWith(RESERVED_PREFIX)) {
      throw new IllegalArgumentException("class id '" + classId + "' uses the reserved prefix '"
          + RESERVED_PREFIX + "'; choose an id of your own, e.g. 'app." + type.getSimpleName() + "'");
    }
    if (byId.containsKey(classId)) {
      throw new IllegalArgumentException("class id '" + classId + "' is already registered for "
          + byId.get(classId).type.getName());
    }
    if (byClass.containsKey(type)) {
      throw new IllegalArgumentException(type.getName() + " is already registered as '"
          + byClass.get(type).id + "'");
    }
    if (type.isPrimitive() || type.isArray() || type.isHidden()) {
      throw new IllegalArgumentException(type.getName()
          + " cannot be registered: primitives and arrays are built in, hidden classes (lambdas) have no stable name");
    }
  }

  private static int userKind(Class<?> type) {
    if (type.isRecord()) {
      return TypeInfo.RECORD;
    }
    if (type.isEnum()) {
      return TypeInfo.ENUM;
    }
    if (Enum.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(type.getName()
          + " is the body of an enum constant; register the enum class " + type.getSuperclass().getName());
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      return TypeInfo.ABSTRACT;
    }
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      if (Builtins.isJdk(c)) {
        throw new IllegalArgumentException(type.getName()
            + (c == type ? " is a JDK class" : " extends the JDK class " + c.getName())
            + " whose internal state cannot be stored field by field; register a TypeAdapter for it"
            + " (register(id, type, adapter)) or hold the JDK object in a field instead of extending it");
      }
    }
    return TypeInfo.PLAIN;
  }

  private TypeInfo resolve(Class<?> type) {
    TypeInfo info = byClass.get(type);
    if (info != null) {
      return info;
    }
    if (type.isArray()) {
      return resolveArray(type);
    }
    if (Enum.class.isAssignableFrom(type) && !type.isEnum() && type.getSuperclass().isEnum()) {
      return resolved.get(type.getSuperclass());
    }
    return TypeInfo.unsupported(type, Builtins.whyUnsupported(type));
  }

  private TypeInfo resolveArray(Class<?> type) {
    TypeInfo component = resolved.get(type.getComponentType());
    if (component.kind == TypeInfo.UNSUPPORTED) {
      return TypeInfo.unsupported(type, "an array of " + component.problem);
    }
    return new TypeInfo(component.id + "[]", type, TypeInfo.ARR_OBJECT, serials.getAndIncrement(),
        null, null, null, component);
  }
}
