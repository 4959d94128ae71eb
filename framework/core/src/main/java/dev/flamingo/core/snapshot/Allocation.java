package dev.flamingo.core.snapshot;

import java.lang.reflect.Constructor;
import sun.reflect.ReflectionFactory;

/** Instance creation without constructors, and hashCode inspection; stateless, any thread. */
final class Allocation {

  private Allocation() {}

  static Constructor<?> serializationConstructor(Class<?> type) {
    if (type == Object.class) {
      try {
        return Object.class.getDeclaredConstructor();
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      Constructor<?> c = ReflectionFactory.getReflectionFactory()
          .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
      c.setAccessible(true);
      return c;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean usesIdentityHash(TypeInfo info) {
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
