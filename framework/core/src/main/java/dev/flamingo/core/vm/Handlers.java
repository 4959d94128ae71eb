package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a handler method reference into a {@link HandlerName} (validated through its {@link SerializedLambda})
 * and back into a cached {@link MethodHandle}; the caches are keyed by class, so any thread.
 */
final class Handlers {
  private static final MethodType INVOKER = MethodType.methodType(void.class, Model.class, Object[].class);

  private static final ClassValue<Method> WRITE_REPLACE = new ClassValue<>() {
    @Override
    protected Method computeValue(Class<?> type) {
      try {
        Method method = type.getDeclaredMethod("writeReplace");
        method.setAccessible(true);
        return method;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  };

  /** A resolved handler: call {@code handle.invokeExact(model, args)} with exactly {@code arity} args. */
  record Invoker(MethodHandle handle, int arity) {}

  // class -> method name -> descriptor -> invoker; nested so the hot lookup allocates nothing
  private static final ClassValue<Map<String, Map<String, Invoker>>> INVOKERS = new ClassValue<>() {
    @Override
    protected Map<String, Map<String, Invoker>> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  private Handlers() {}

  /** Validates that {@code handler} is {@code this::method} of {@code self} and returns that method's name. */
  static HandlerName reference(Model self, Serializable handler) {
    if (handler == null) {
      throw new NullPointerException("handler is null; pass a method reference such as this::onEvent");
    }
    SerializedLambda lambda = serializedForm(self, handler);
    String name = lambda.getImplMethodName();
    if (name.startsWith("lambda$")) {
      throw new IllegalArgumentException("handler is a lambda expression in " + lambda.getImplClass().replace('/', '.')
          + "; a snapshot can only store a method name. Write a method in " + className(self)
          + " and pass it as this::methodName");
    }
    boolean bound = lambda.getCapturedArgCount() == 1 && lambda.getCapturedArg(0) == self;
    if (!bound || !isInstanceKind(lambda.getImplMethodKind())) {
      throw new IllegalArgumentException("handler " + lambda.getImplClass().replace('/', '.') + "::" + name
          + " is not a method of this model (" + self + "); handlers must be methods of the subscribing model,"
          + " written as this::" + name + " in " + className(self) + " (to reach another model, publish an event it subscribes to)");
    }
    return new HandlerName(name, lambda.getImplMethodSignature());
  }

  /** The invoker {@code (Model, Object[])void} for {@code ref}'s method on {@code type}, cached per class. */
  static Invoker invoker(Class<?> type, MethodRef ref) {
    Map<String, Invoker> byDescriptor =
        INVOKERS.get(type).computeIfAbsent(ref.method(), name -> new ConcurrentHashMap<>());
    Invoker cached = byDescriptor.get(ref.descriptor());
    if (cached == null) {
      cached = resolve(type, ref);
      byDescriptor.put(ref.descriptor(), cached);
    }
    return cached;
  }

  /** The most specific declaration: the class chain first, then interface default methods. */
  private static Invoker resolve(Class<?> type, MethodRef ref) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Method method = declared(c, ref);
      if (method != null) {
        return new Invoker(adapt(method), method.getParameterCount());
      }
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Method method = inInterfaces(c.getInterfaces(), ref);
      if (method != null) {
        return new Invoker(adapt(method), method.getParameterCount());
      }
    }
    throw new IllegalStateException("no method " + ref.method() + ref.descriptor() + " in " + type.getName()
        + " for handler " + ref);
  }

  private static Method inInterfaces(Class<?>[] interfaces, MethodRef ref) {
    for (Class<?> itf : interfaces) {
      Method method = declared(itf, ref);
      if (method == null) {
        method = inInterfaces(itf.getInterfaces(), ref);
      }
      if (method != null) {
        return method;
      }
    }
    return null;
  }

  private static Method declared(Class<?> type, MethodRef ref) {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(ref.method()) && descriptor(method).equals(ref.descriptor())) {
        return method;
      }
    }
    return null;
  }

  private static MethodHandle adapt(Method method) {
    try {
      method.setAccessible(true);
      MethodHandle handle = MethodHandles.lookup().unreflect(method);
      int arity = method.getParameterCount();
      return handle.asType(handle.type().changeReturnType(void.class))
          .asSpreader(Object[].class, arity)
          .asType(INVOKER);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot access handler method " + method, e);
    }
  }

  private static String descriptor(Method method) {
    return MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
  }

  private static SerializedLambda serializedForm(Model self, Serializable handler) {
    Method writeReplace = WRITE_REPLACE.get(handler.getClass());
    if (writeReplace != null) {
      try {
        if (writeReplace.invoke(handler) instanceof SerializedLambda lambda) {
          return lambda;
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read the serialized form of handler " + handler, e);
      }
    }
    throw new IllegalArgumentException("handler " + handler.getClass().getName()
        + " is not a method reference; pass a method of this model as this::methodName (in " + className(self) + ")");
  }

  private static boolean isInstanceKind(int kind) {
    return kind == MethodHandleInfo.REF_invokeVirtual || kind == MethodHandleInfo.REF_invokeSpecial
        || kind == MethodHandleInfo.REF_invokeInterface;
  }

  private static String className(Model self) {
    return self.getClass().getSimpleName();
  }
}
