package dev.flamingo.core.guard;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up classes named in bytecode through the scanned class's loader, without initializing them.
 * Thread rule: confined to one scan; answers "unknown" (null/empty) for anything it cannot load, so a
 * missing optional dependency never turns into a false finding.
 */
final class TypeResolver {
  private final ClassLoader loader;
  private final Map<String, Optional<Class<?>>> cache = new HashMap<>();
  private final Map<String, List<String>> supertypes = new HashMap<>();

  TypeResolver(ClassLoader loader) {
    this.loader = loader;
  }

  /** The class with this internal name ({@code java/util/List}), or null when it cannot be loaded. */
  Class<?> load(String internalName) {
    if (internalName.startsWith("[")) {
      return null;
    }
    return cache.computeIfAbsent(internalName, this::tryLoad).orElse(null);
  }

  private Optional<Class<?>> tryLoad(String internalName) {
    try {
      return Optional.of(Class.forName(internalName.replace('/', '.'), false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Internal names of the type and all its supertypes, nearest first; just the name when unknown. */
  List<String> selfAndSupertypes(String internalName) {
    return supertypes.computeIfAbsent(internalName, this::walkSupertypes);
  }

  private List<String> walkSupertypes(String internalName) {
    Class<?> start = load(internalName);
    if (start == null) {
      return List.of(internalName);
    }
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      Class<?> type = queue.poll();
      if (seen.add(type)) {
        if (type.getSuperclass() != null) {
          queue.add(type.getSuperclass());
        }
        queue.addAll(List.of(type.getInterfaces()));
      }
    }
    List<String> names = new ArrayList<>();
    seen.forEach(type -> names.add(type.getName().replace('.', '/')));
    return names;
  }

  /**
   * The class that declares the no-argument method {@code name} that a call on {@code internalName}
   * dispatches to when the receiver is exactly that class; null when unknown or an interface.
   */
  Class<?> declarerOfNoArgMethod(String internalName, String name) {
    if (internalName.startsWith("[")) {
      return Object.class;
    }
    Class<?> type = load(internalName);
    if (type == null || type.isInterface()) {
      return null;
    }
    try {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        if (declaresNoArg(c, name)) {
          return c;
        }
      }
    } catch (LinkageError e) {
      return null;
    }
    return null;
  }

  private static boolean declaresNoArg(Class<?> type, String name) {
    try {
      type.getDeclaredMethod(name);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Whether the static field is known to be final; empty when the field cannot be resolved. */
  Optional<Boolean> isFinalStaticField(String owner, String name) {
    Class<?> type = load(owner);
    try {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (field.getName().equals(name) && Modifier.isStatic(field.getModifiers())) {
            return Optional.of(Modifier.isFinal(field.getModifiers()));
          }
        }
      }
    } catch (LinkageError e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Whether instances of the class hash by identity: it inherits hashCode from Object or Enum. */
  boolean hashesByIdentity(String internalName) {
    Class<?> declarer = declarerOfNoArgMethod(internalName, "hashCode");
    return declarer == Object.class || declarer == Enum.class;
  }
}
