package dev.flamingo.core.guard;

import java.io.IOException;
import java.io.InputStream;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * Finds and reads the class files that make up a class's code: the class itself, its nested, inner,
 * local and anonymous classes (lambda bodies are already in the same file), and its application
 * supertypes. JDK and Flamingo framework supertypes are trusted and left out. Thread rule: stateless.
 */
final class ClassFiles {
  /** One class file: its internal name ({@code a/B$C}) and bytes. */
  record ClassFile(String internalName, byte[] bytes) {}

  private static final List<String> FRAMEWORK_PACKAGES = List.of("dev.flamingo.core.",
      "dev.flamingo.client.", "dev.flamingo.fx.", "dev.flamingo.testkit.");

  private ClassFiles() {}

  /** The class's code in a stable order: the class, its nested classes, then its supertypes' code. */
  static List<ClassFile> closure(Class<?> type) {
    Objects.requireNonNull(type, "type");
    if (type.isPrimitive() || type.isArray() || isTrusted(type)) {
      throw new IllegalArgumentException("expected an application class, got " + type.getName());
    }
    ClassLoader loader = type.getClassLoader();
    Set<String> roots = new LinkedHashSet<>();
    for (Class<?> c = type; c != null && !isTrusted(c); c = c.getSuperclass()) {
      roots.add(internalName(c));
      addInterfaces(c, roots);
    }
    Set<String> seen = new LinkedHashSet<>();
    List<ClassFile> files = new ArrayList<>();
    for (String root : roots) {
      Deque<String> queue = new ArrayDeque<>(List.of(root));
      while (!queue.isEmpty()) {
        String name = queue.poll();
        if (seen.add(name)) {
          byte[] bytes = read(loader, name);
          files.add(new ClassFile(name, bytes));
          queue.addAll(nestedNames(name, bytes));
        }
      }
    }
    return files;
  }

  private static void addInterfaces(Class<?> type, Set<String> names) {
    for (Class<?> itf : type.getInterfaces()) {
      if (!isTrusted(itf) && names.add(internalName(itf))) {
        addInterfaces(itf, names);
      }
    }
  }

  /**
   * JDK classes and Flamingo's framework classes, whose code is not the application's. Framework means
   * a framework package and the same jar or directory as this class: apps and samples under
   * {@code dev.flamingo}, or packed into one fat jar with the framework, still count as applications.
   */
  static boolean isTrusted(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
      return true;
    }
    String name = type.getName();
    return FRAMEWORK_PACKAGES.stream().anyMatch(name::startsWith)
        && Objects.equals(codeSource(type), codeSource(ClassFiles.class));
  }

  /** Whether both classes were loaded from the same jar or directory. */
  static boolean sameCodeSource(Class<?> one, Class<?> other) {
    return Objects.equals(codeSource(one), codeSource(other));
  }

  private static Object codeSource(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null ? null : source.getLocation();
  }

  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  private static List<String> nestedNames(String name, byte[] bytes) {
    List<String> nested = new ArrayList<>();
    new ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
      @Override
      public void visitInnerClass(String inner, String outer, String simple, int access) {
        if (inner.startsWith(name + "$")) {
          nested.add(inner);
        }
      }
    }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    nested.sort(null);
    return nested;
  }

  /** The class file of {@code internalName} as {@code loader} sees it. */
  static byte[] read(ClassLoader loader, String internalName) {
    String resource = internalName + ".class";
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("cannot read the bytecode of " + internalName.replace('/', '.')
            + ": its class loader has no resource " + resource + " (classes generated at run time cannot"
            + " be registered)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the bytecode of " + internalName.replace('/', '.'), e);
    }
  }
}
