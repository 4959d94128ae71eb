package dev.flamingo.core.snapshot;

import java.util.EnumMap;
import java.util.EnumSet;

/**
 * The enum class of an EnumSet/EnumMap, which is needed to recreate even an empty one and is only
 * held in a private field (read with Unsafe; getDeclaredField needs no --add-opens). Stateless.
 */
final class EnumLayout {

  static final Class<?> REGULAR_SET = load("java.util.RegularEnumSet");
  static final Class<?> JUMBO_SET = load("java.util.JumboEnumSet");
  private static final long SET_TYPE = UnsafeAccess.offset(EnumSet.class, "elementType");
  private static final long MAP_TYPE = UnsafeAccess.offset(EnumMap.class, "keyType");

  private EnumLayout() {}

  static Class<?> elementType(EnumSet<?> set) {
    return (Class<?>) UnsafeAccess.U.getObject(set, SET_TYPE);
  }

  static Class<?> keyType(EnumMap<?, ?> map) {
    return (Class<?>) UnsafeAccess.U.getObject(map, MAP_TYPE);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object newShell(int kind, Class<?> enumType) {
    return kind == TypeInfo.ENUM_SET ? EnumSet.noneOf((Class) enumType) : new EnumMap(enumType);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
