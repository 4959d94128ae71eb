package dev.flamingo.core.guard;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The {@link AllowNondeterminism} annotations of one class file: on the class, its methods and fields.
 * Thread rule: confined to one scan.
 */
final class Waivers {
  static final String DESCRIPTOR = Type.getDescriptor(AllowNondeterminism.class);

  private final String className;
  private boolean wholeClass;
  private final Map<String, String> methods = new HashMap<>();
  private final Map<String, String> fields = new HashMap<>();

  Waivers(String className) {
    this.className = className;
  }

  /** A visitor that records the annotation if it is a waiver on the class, else null (ignore it). */
  AnnotationVisitor onClass(String descriptor) {
    return reader(descriptor, "class " + className, reason -> wholeClass = true);
  }

  /** As {@link #onClass}, for a method or constructor. */
  AnnotationVisitor onMethod(String descriptor, String name, String desc) {
    return reader(descriptor, className + "." + name, reason -> methods.put(name + desc, reason));
  }

  /** As {@link #onClass}, for a field. */
  AnnotationVisitor onField(String descriptor, String name) {
    return reader(descriptor, className + "." + name, reason -> fields.put(name, reason));
  }

  /** Called when the enclosing class or method is waived: the whole nested class is too. */
  void inheritWholeClass() {
    wholeClass = true;
  }

  boolean wholeClass() {
    return wholeClass;
  }

  /**
   * Whether the method is waived, directly or, for a lambda body {@code lambda$onTick$0}, through its
   * enclosing method {@code onTick} (any overload: the lambda's name does not say which).
   */
  boolean method(String name, String desc) {
    if (wholeClass || methods.containsKey(name + desc)) {
      return true;
    }
    String enclosing = lambdaEnclosingMethod(name);
    return enclosing != null
        && methods.keySet().stream().anyMatch(key -> key.startsWith(enclosing + "("));
  }

  boolean field(String name) {
    return wholeClass || fields.containsKey(name);
  }

  boolean covers(Finding finding) {
    return finding.field() != null ? field(finding.field()) : method(finding.method(), finding.methodDesc());
  }

  private static String lambdaEnclosingMethod(String name) {
    if (!name.startsWith("lambda$")) {
      return null;
    }
    int end = name.indexOf('$', "lambda$".length());
    String enclosing = end < 0 ? null : name.substring("lambda$".length(), end);
    if ("new".equals(enclosing)) {
      return "<init>";
    }
    return "static".equals(enclosing) ? "<clinit>" : enclosing;
  }

  private AnnotationVisitor reader(String descriptor, String site, Consumer<String> waive) {
    if (!DESCRIPTOR.equals(descriptor)) {
      return null;
    }
    return new AnnotationVisitor(Opcodes.ASM9) {
      private String reason;

      @Override
      public void visit(String name, Object value) {
        if ("value".equals(name)) {
          reason = (String) value;
        }
      }

      @Override
      public void visitEnd() {
        if (reason == null || reason.isBlank()) {
          throw new IllegalArgumentException("@AllowNondeterminism on " + site
              + " needs a reason saying why the code is deterministic, got \"" + reason + "\"");
        }
        waive.accept(reason);
      }
    };
  }
}
