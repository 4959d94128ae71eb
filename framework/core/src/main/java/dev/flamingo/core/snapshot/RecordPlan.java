package dev.flamingo.core.snapshot;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Accessors and canonical constructor of one record class, components in declaration order;
 * immutable, any thread.
 */
final class RecordPlan {

  final String[] names;
  final byte[] kinds;
  final Class<?>[] types;
  final MethodHandle[] accessors;
  final Constructor<?> constructor;
  final int shapeHash;

  RecordPlan(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    int n = components.length;
    names = new String[n];
    kinds = new byte[n];
    types = new Class<?>[n];
    accessors = new MethodHandle[n];
    try {
      for (int i = 0; i < n; i++) {
        RecordComponent c = components[i];
        names[i] = c.getName();
        types[i] = c.getType();
        kinds[i] = FieldPlan.kindOf(c.getType());
        c.getAccessor().setAccessible(true);
        accessors[i] = MethodHandles.lookup().unreflect(c.getAccessor())
            .asType(MethodType.methodType(Object.class, Object.class));
      }
      constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("record " + type.getName() + " cannot be accessed: " + e, e);
    }
    shapeHash = FieldPlan.shapeHash(names, types);
  }

  Object component(Object record, int i) {
    try {
      return accessors[i].invokeExact(record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
