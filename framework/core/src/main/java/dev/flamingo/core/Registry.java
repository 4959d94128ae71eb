package dev.flamingo.core;

import dev.flamingo.core.guard.CodeIdentity;
import dev.flamingo.core.guard.DeterminismGuard;
import dev.flamingo.core.snapshot.SnapshotCodec;
import dev.flamingo.core.snapshot.TypeAdapter;
import dev.flamingo.core.snapshot.TypeRegistry;
import dev.flamingo.core.vm.VmTypes;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an app's replicated code consists of: model classes and the other classes stored in model
 * state, each under a stable class id, custom adapters, and constants; from them the snapshot type
 * registry and the code identity ({@link #versionId()}). Built once per app with {@link #builder()},
 * immutable afterwards. Thread rule: the builder on one thread; the built registry on any thread.
 *
 * <pre>{@code
 * Registry registry = Registry.builder()
 *     .register("chat.Chat", ChatModel.class)
 *     .register("chat.Post", Post.class)
 *     .constant("maxHistory", 100)
 *     .build();
 * }</pre>
 */
public final class Registry {
  /** Hashed into every {@link #versionId()}, so a framework upgrade never shares a session with old code. */
  public static final String FRAMEWORK_VERSION = "flamingo-0.1.0";

  /**
   * What {@link #versionId()} hashes besides the app's code: the framework version and the snapshot
   * formats, so that two builds whose snapshots differ in layout never join the same session.
   */
  static final String FRAMEWORK_IDENTITY = FRAMEWORK_VERSION + ";codec-format=" + SnapshotCodec.FORMAT_VERSION
      + ";vm-schema=" + VmTypes.SCHEMA;

  private static final String RESERVED = "flamingo.";

  private final Map<String, Class<?>> classes;
  private final Map<String, Object> constants;
  private final Set<Class<?>> modelClasses = new HashSet<>();
  private final TypeRegistry types;
  private final String versionId;

  private Registry(Builder builder, TypeRegistry types, String versionId) {
    this.classes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.classes));
    this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(builder.constants));
    classes.values().stream().filter(Model.class::isAssignableFrom).forEach(modelClasses::add);
    this.types = types;
    this.versionId = versionId;
  }

  /** Starts a registry; register every class whose instances live in model state. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The code identity: a hash over the framework version and snapshot formats, every registered class's
   * bytecode and the constants.
   */
  public String versionId() {
    return versionId;
  }

  /** The frozen type registry the snapshot codec uses (framework types included). */
  public TypeRegistry types() {
    return types;
  }

  /** The registered classes by class id, in registration order. */
  public Map<String, Class<?>> classes() {
    return classes;
  }

  /** The registered constants by name, in registration order. */
  public Map<String, Object> constants() {
    return constants;
  }

  /** The constant registered under {@code name}. */
  public Object constant(String name) {
    Object value = constants.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no constant \"" + name + "\" is registered; known: " + constants.keySet());
    }
    return value;
  }

  /** Throws unless {@code type} is a registered model class that the VM can instantiate. */
  public void requireModelClass(Class<? extends Model> type) {
    Objects.requireNonNull(type, "type");
    if (!modelClasses.contains(type)) {
      throw new IllegalArgumentException("model class " + type.getName() + " is not registered; add .register(\""
          + type.getName() + "\", " + type.getSimpleName() + ".class) to the Registry builder");
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException("model class " + type.getName() + " is abstract; create a concrete subclass");
    }
  }

  /** Collects registrations; {@link #build()} validates them all and runs the determinism guard. Thread rule: one thread. */
  public static final class Builder {
    private final Map<String, Class<?>> classes = new LinkedHashMap<>();
    private final Map<String, TypeAdapter<?>> adapters = new LinkedHashMap<>();
    private final Map<String, Object> constants = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers a model class, or a class stored field by field in model state (records by component,
     * enums by ordinal), under a class id that must never change while snapshots of it exist.
     */
    public Builder register(String classId, Class<?> type) {
      checkNew(classId, type);
      if (Model.class.isAssignableFrom(type)) {
        requireNoArgConstructor(type);
      }
      classes.put(classId, type);
      return this;
    }

    /** Registers a class stored through {@code adapter} (Croquet's {@code Model.types} write/read). */
    public <T> Builder register(String classId, Class<T> type, TypeAdapter<T> adapter) {
      Objects.requireNonNull(adapter, "adapter");
      checkNew(classId, type);
      if (Model.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException("model class " + type.getName() + " cannot use an adapter; models are stored field by field");
      }
      classes.put(classId, type);
      adapters.put(classId, adapter);
      return this;
    }

    /** Registers a constant; it is part of the code identity, so different values never share a session. */
    public Builder constant(String name, Object value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (constants.containsKey(name)) {
        throw new IllegalArgumentException("constant \"" + name + "\" is already registered");
      }
      constants.put(name, value);
      return this;
    }

    /** Validates every registration, scans model code for determinism hazards, and freezes the result. */
    public Registry build() {
      TypeRegistry types = new TypeRegistry()
          .register(RESERVED + "FutureHandle", FutureHandle.class)
          .register(RESERVED + "ViewInfo", ViewInfo.class)
          .register(RESERVED + "Subscription", Subscription.class)
          .register(RESERVED + "Subscription.Source", Subscription.Source.class)
          .register(RESERVED + "DataHandle", DataHandle.class, DataHandle.SNAPSHOT_FORM);
      VmTypes.registerInto(types);
      CodeIdentity.Builder identity = CodeIdentity.builder();
      classes.forEach((classId, type) -> {
        registerType(types, classId, type);
        checkAndHash(identity, classId, type);
      });
      constants.forEach(identity::constant);
      return new Registry(this, types.freeze(), identity.build(FRAMEWORK_IDENTITY).versionId());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void registerType(TypeRegistry types, String classId, Class<?> type) {
      TypeAdapter adapter = adapters.get(classId);
      if (adapter == null) {
        types.register(classId, type);
      } else {
        types.register(classId, (Class) type, adapter);
      }
    }

    /** JDK classes (adapted) have no app bytecode; their adapter's code is what is hashed and checked. */
    private void checkAndHash(CodeIdentity.Builder identity, String classId, Class<?> type) {
      TypeAdapter<?> adapter = adapters.get(classId);
      if (isAppClass(type)) {
        DeterminismGuard.check(type);
        identity.add(classId, type);
      }
      if (adapter != null && isAppClass(adapter.getClass())) {
        DeterminismGuard.check(adapter.getClass());
        identity.add(classId + "#adapter", adapter.getClass());
      }
    }

    private static boolean isAppClass(Class<?> type) {
      ClassLoader loader = type.getClassLoader();
      return loader != null && loader != ClassLoader.getPlatformClassLoader() && !type.isArray();
    }

    private void checkNew(String classId, Class<?> type) {
      Objects.requireNonNull(classId, "classId");
      Objects.requireNonNull(type, "type");
      if (classId.isBlank() || classId.startsWith(RESERVED) || classId.startsWith("java.")) {
        throw new IllegalArgumentException("classId must be non-blank and not start with \"" + RESERVED
            + "\" or \"java.\" (reserved), got \"" + classId + "\" for " + type.getName());
      }
      if (classes.containsKey(classId)) {
        throw new IllegalArgumentException("classId \"" + classId + "\" is already registered for "
            + classes.get(classId).getName() + "; cannot register " + type.getName() + " under it too");
      }
      classes.forEach((id, registered) -> {
        if (registered == type) {
          throw new IllegalArgumentException(type.getName() + " is already registered as \"" + id
              + "\"; cannot register it again as \"" + classId + "\"");
        }
      });
    }

    private static void requireNoArgConstructor(Class<?> type) {
      if (Modifier.isAbstract(type.getModifiers())) {
        return;
      }
      try {
        type.getDeclaredConstructor();
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("model class " + type.getName()
            + " needs a no-argument constructor; initialize it in init(options) instead of a constructor", e);
      }
    }
  }
}
