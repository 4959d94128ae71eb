package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * The VM's access to {@link Model} internals that app code must not reach (its runtime field and the
 * protected {@code init} methods), through a private lookup instead of public methods. Any thread.
 */
final class ModelAccess {
  private static final VarHandle RUNTIME;
  private static final MethodHandle INIT;
  private static final MethodHandle INIT_ROOT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Model.class, MethodHandles.lookup());
      RUNTIME = lookup.findVarHandle(Model.class, "runtime", ModelRuntime.class);
      INIT = lookup.findVirtual(Model.class, "init", MethodType.methodType(void.class, Object.class));
      INIT_ROOT = lookup.findVirtual(Model.class, "init", MethodType.methodType(void.class, Object.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
    @Override
    protected Constructor<?> computeValue(Class<?> type) {
      try {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor;
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(type.getName() + " needs a no-argument constructor", e);
      }
    }
  };

  private ModelAccess() {}

  static ModelRuntime runtime(Model model) {
    return (ModelRuntime) RUNTIME.get(model);
  }

  /** Attaches a model decoded from a snapshot (whose constructor never ran) to its VM. */
  static void attach(Model model, ModelRuntime runtime) {
    RUNTIME.set(model, runtime);
  }

  static <M extends Model> M construct(Class<M> type) {
    try {
      return type.cast(CONSTRUCTORS.get(type).newInstance());
    } catch (InvocationTargetException e) {
      throw rethrow(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + type.getName(), e);
    }
  }

  static void init(Model model, Object options) {
    try {
      INIT.invokeExact(model, options);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  static void initRoot(Model model, Object options, Object persisted) {
    try {
      INIT_ROOT.invokeExact(model, options, persisted);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** User code threw: let its exception through unchanged; wrap only checked ones. */
  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException runtime) {
      return runtime;
    }
    if (t instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("model code threw " + t, t);
  }
}
