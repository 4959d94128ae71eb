package dev.flamingo.fx;

import dev.flamingo.core.Model;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deep 64-bit hash of every field of every model reachable from a root, keyed by a readable path such as
 * {@code ChatModel#M1.history}; comparing two fingerprints names the fields that changed. Debug aid, not a
 * replication mechanism: it runs locally, so identity maps and {@code hashCode} of JDK values are fine here.
 * Thread rule: the thread that owns the models.
 */
final class Fingerprint {
  private static final long PRIME = 0x100000001B3L;
  private static final long NULL = 0x9E3779B97F4A7C15L;
  private static final long CYCLE = 0xC2B2AE3D27D4EB4FL;
  private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
    @Override
    protected Field[] computeValue(Class<?> type) {
      return stateFields(type);
    }
  };

  private final Map<String, Long> byPath = new LinkedHashMap<>();
  private final Deque<Model> pending = new ArrayDeque<>();
  private final Map<Model, Boolean> seenModels = new IdentityHashMap<>();
  private final Map<Object, Boolean> onPath = new IdentityHashMap<>();

  private Fingerprint() {}

  /** The per-field hashes of every model reachable from {@code root} (through model references in state). */
  static Map<String, Long> of(Model root) {
    Fingerprint f = new Fingerprint();
    f.enqueue(root);
    for (Model m = f.pending.poll(); m != null; m = f.pending.poll()) {
      f.model(m);
    }
    return f.byPath;
  }

  /** The paths whose hash differs between two fingerprints (added or removed models count as changed). */
  static List<String> differences(Map<String, Long> before, Map<String, Long> after) {
    List<String> changed = new ArrayList<>();
    after.forEach((path, hash) -> {
      if (!hash.equals(before.get(path))) {
        changed.add(path);
      }
    });
    before.keySet().stream().filter(path -> !after.containsKey(path)).forEach(changed::add);
    return changed;
  }

  private void enqueue(Model model) {
    if (model != null && seenModels.put(model, Boolean.TRUE) == null) {
      pending.add(model);
    }
  }

  private void model(Model m) {
    for (Field field : FIELDS.get(m.getClass())) {
      byPath.put(m + "." + field.getName(), value(read(field, m)));
    }
  }

  private long value(Object v) {
    if (v == null) {
      return NULL;
    }
    if (v instanceof Model model) {
      enqueue(model);
      return mix(model.id().hashCode());
    }
    if (v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Character) {
      return mix(v.hashCode());
    }
    if (v instanceof Enum<?> e) {
      return mix(e.name().hashCode());
    }
    if (v.getClass().isArray()) {
      return array(v);
    }
    if (onPath.put(v, Boolean.TRUE) != null) {
      return CYCLE;
    }
    try {
      return container(v);
    } finally {
      onPath.remove(v);
    }
  }

  private long container(Object v) {
    if (v instanceof Map<?, ?> map) {
      long h = 1;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        h = (h ^ value(e.getKey())) * PRIME ^ value(e.getValue());
        h *= PRIME;
      }
      return h;
    }
    if (v instanceof Collection<?> collection) {
      return sequence(collection);
    }
    if (v instanceof Optional<?> optional) {
      return value(optional.orElse(null));
    }
    if (isJdk(v.getClass())) {
      return mix(v.hashCode());
    }
    long h = mix(v.getClass().getName().hashCode());
    for (Field field : FIELDS.get(v.getClass())) {
      h = (h ^ value(read(field, v))) * PRIME;
    }
    return h;
  }

  private long sequence(Iterable<?> items) {
    long h = 7;
    for (Object item : items) {
      h = (h ^ value(item)) * PRIME;
    }
    return h;
  }

  private long array(Object v) {
    if (v instanceof Object[] objects) {
      return sequence(Arrays.asList(objects));
    }
    if (v instanceof int[] a) {
      return mix(Arrays.hashCode(a));
    }
    if (v instanceof long[] a) {
      return mix(Arrays.hashCode(a));
    }
    if (v instanceof double[] a) {
      return mix(Arrays.hashCode(a));
    }
    if (v instanceof float[] a) {
      return mix(Arrays.hashCode(a));
    }
    if (v instanceof byte[] a) {
      return mix(Arrays.hashCode(a));
    }
    if (v instanceof short[] a) {
      return mix(Arrays.hashCode(a));
    }
    if (v instanceof char[] a) {
      return mix(Arrays.hashCode(a));
    }
    return mix(Arrays.hashCode((boolean[]) v));
  }

  private static long mix(int x) {
    long z = x * 0x9E3779B97F4A7C15L;
    return z ^ (z >>> 29);
  }

  private static boolean isJdk(Class<?> type) {
    return type.getClassLoader() == null || type.getClassLoader() == ClassLoader.getPlatformClassLoader();
  }

  private static Object read(Field field, Object owner) {
    try {
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field + " for write detection", e);
    }
  }

  /** Non-static, non-transient fields of the class and its app superclasses (Model's own fields excluded). */
  private static Field[] stateFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Model.class && c != Object.class && !isJdk(c); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int mods = field.getModifiers();
        if (!Modifier.isStatic(mods) && !Modifier.isTransient(mods) && trySetAccessible(field)) {
          fields.add(field);
        }
      }
    }
    return fields.toArray(Field[]::new);
  }

  private static boolean trySetAccessible(Field field) {
    try {
      return field.trySetAccessible();
    } catch (InaccessibleObjectException | SecurityException e) {
      return false;
    }
  }
}
