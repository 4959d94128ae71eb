package dev.flamingo.core.guard;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Looks up classes named in bytecode through the scanned class's loader, without initializing them.
 * Thread rule: an instance is confined to one scan (the shared JDK class cache is concurrent). It
 * answers "unknown" (null/empty) for anything it cannot load, so a missing optional dependency never
 * turns into a false finding.
 */
final class TypeResolver {
  private static final int MAX_RECORD_NESTING = 4;
  /** JDK classes never unload, so lookups are shared by every scan (it is the bulk of a scan's time). */
  private static final Map<String, Optional<Class<?>>> JDK_CLASSES = new ConcurrentHashMap<>();

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
    if (internalName.startsWith("java/")) {
      return JDK_CLASSES.computeIfAbsent(internalName,
          name -> forName(name, ClassLoader.getPlatformClassLoader()));
    }
    return forName(internalName, loader);
  }

  private static Optional<Class<?>> forName(String internalName, ClassLoader loader) {
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
    for (Method method : type.getDeclaredMethods()) {
      if (method.getParameterCount() == 0 && method.getName().equals(name)) {
        return true;
      }
    }
    return false;
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

  /**
   * Whether instances' hash codes depend on identity hashes: the class inherits hashCode from Object or
   * Enum, or it is a record with a generated hashCode and a component whose hash does (a record
   * {@code Piece(Color color, int x)} hashes its enum component by identity).
   */
  boolean hashesByIdentity(String internalName) {
    return hashesByIdentity(load(internalName), 0);
  }

  private boolean hashesByIdentity(Class<?> type, int depth) {
    if (type == null || type.isPrimitive() || type.isInterface() || depth > MAX_RECORD_NESTING) {
      return false;
    }
    if (type.isArray()) {
      return true;
    }
    Class<?> declarer = declarerOfNoArgMethod(type.getName().replace('.', '/'), "hashCode");
    if (declarer == Object.class || declarer == Enum.class) {
      return true;
    }
    return declarer == type && type.isRecord() && hasGeneratedHashCode(type)
        && Arrays.stream(type.getRecordComponents())
            .anyMatch(component -> hashesByIdentity(component.getType(), depth + 1));
  }

  /** Whether the record's hashCode() is javac's, which combines its components through ObjectMethods. */
  private static boolean hasGeneratedHashCode(Class<?> record) {
    ClassLoader loader = record.getClassLoader();
    String resource = record.getName().replace('.', '/') + ".class";
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
      if (in == null) {
        return false;
      }
      boolean[] generated = {false};
      new ClassReader(in.readAllBytes()).accept(new ClassVisitor(Opcodes.ASM9) {
        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
          if (!name.equals("hashCode") || !desc.equals("()I")) {
            return null;
          }
          return new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitInvokeDynamicInsn(String method, String descriptor, Handle bootstrap, Object... args) {
              generated[0] |= bootstrap.getOwner().equals("java/lang/runtime/ObjectMethods");
            }
          };
        }
      }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      return generated[0];
    } catch (IOException e) {
      return false;
    }
  }
}
