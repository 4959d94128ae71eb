package dev.flamingo.core.snapshot;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/** Holds {@code sun.misc.Unsafe} (module jdk.unsupported, no flags needed); any thread. */
final class UnsafeAccess {

  static final Unsafe U = load();

  private UnsafeAccess() {}

  private static Unsafe load() {
    try {
      Field f = Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (Unsafe) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Offset of a declared field, also for JDK classes (reading metadata needs no --add-opens). */
  static long offset(Class<?> owner, String name) {
    try {
      return U.objectFieldOffset(owner.getDeclaredField(name));
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
