package dev.flamingo.core.guard;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;

/** Renders calls and types the way a Java programmer writes them. Thread rule: stateless. */
final class Calls {
  private Calls() {}

  /** {@code System.currentTimeMillis()}, {@code new Random()}, {@code String.format(String, Object[])}. */
  static String describe(String owner, String name, String descriptor) {
    String args = Arrays.stream(Type.getArgumentTypes(descriptor))
        .map(type -> simpleName(type.getClassName()))
        .collect(Collectors.joining(", "));
    String type = simpleName(owner);
    return name.equals("<init>") ? "new " + type + "(" + args + ")" : type + "." + name + "(" + args + ")";
  }

  /** {@code java/util/Map$Entry} or {@code java.util.Map$Entry} becomes {@code Map.Entry}. */
  static String simpleName(String name) {
    String binary = name.startsWith("[") ? Type.getType(name).getClassName() : name;
    int slash = Math.max(binary.lastIndexOf('/'), binary.lastIndexOf('.'));
    return binary.substring(slash + 1).replace('$', '.');
  }

  /** The Java spelling of a field descriptor: {@code [I} becomes {@code int[]}. */
  static String typeName(String descriptor) {
    return simpleName(Type.getType(descriptor).getClassName());
  }
}
