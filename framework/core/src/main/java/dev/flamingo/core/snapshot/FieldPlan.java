package dev.flamingo.core.snapshot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The precomputed list of stored fields of one plain class: superclass fields first, then each
 * class's own fields by name, so the order never depends on reflection order; immutable, any thread.
 */
final class FieldPlan {

  static final byte BOOLEAN = 0;
  static final byte BYTE = 1;
  static final byte SHORT = 2;
  static final byte CHAR = 3;
  static final byte INT = 4;
  static final byte LONG = 5;
  static final byte FLOAT = 6;
  static final byte DOUBLE = 7;
  static final byte REF = 8;

  final String[] names;
  final byte[] kinds;
  final long[] offsets;
  /** Declared types, checked on decode so corrupt input can never put a wrong type in a field. */
  final Class<?>[] types;
  final int shapeHash;

  private FieldPlan(List<Field> fields) {
    int n = fields.size();
    names = new String[n];
    kinds = new byte[n];
    offsets = new long[n];
    types = new Class<?>[n];
    for (int i = 0; i < n; i++) {
      Field f = fields.get(i);
      names[i] = f.getName();
      types[i] = f.getType();
      kinds[i] = kindOf(f.getType());
      offsets[i] = UnsafeAccess.U.objectFieldOffset(f);
    }
    shapeHash = shapeHash(names, types);
  }

  static FieldPlan of(Class<?> type) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c : chain) {
      Field[] own = c.getDeclaredFields();
      Arrays.sort(own, Comparator.comparing(Field::getName));
      for (Field f : own) {
        if ((f.getModifiers() & (Modifier.STATIC | Modifier.TRANSIENT)) == 0) {
          fields.add(f);
        }
      }
    }
    return new FieldPlan(fields);
  }

  static byte kindOf(Class<?> t) {
    if (!t.isPrimitive()) {
      return REF;
    }
    if (t == int.class) {
      return INT;
    }
    if (t == long.class) {
      return LONG;
    }
    if (t == double.class) {
      return DOUBLE;
    }
    if (t == boolean.class) {
      return BOOLEAN;
    }
    if (t == float.class) {
      return FLOAT;
    }
    if (t == short.class) {
      return SHORT;
    }
    return t == char.class ? CHAR : BYTE;
  }

  /** A hash of names and types that does not depend on the JVM run (String.hashCode is specified). */
  static int shapeHash(String[] names, Class<?>[] types) {
    int h = names.length;
    for (int i = 0; i < names.length; i++) {
      h = 31 * h + names[i].hashCode();
      h = 31 * h + types[i].getName().hashCode();
    }
    return h;
  }
}
