package dev.flamingo.core.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;

/**
 * Scans a class's bytecode for code that would make replicas diverge: wall clock, unseeded randomness,
 * threads, identity hash codes, hash-ordered iteration over identity-hashed keys, {@code Math} where
 * {@code StrictMath} is needed, static mutable state, default locale and host environment. Thread rule:
 * stateless, any thread.
 *
 * <p>The scan covers the class file, its nested/inner/local/anonymous classes and lambda bodies, and its
 * application supertypes. It does not follow calls into other classes (register or inline them) or
 * reflection. A false positive is acknowledged with {@link AllowNondeterminism}.
 */
public final class DeterminismGuard {
  private DeterminismGuard() {}

  /**
   * Throws when the class has determinism hazards that are not waived.
   *
   * @throws NondeterminismException listing every hazard with its location and what to use instead
   * @throws IllegalArgumentException when the bytecode cannot be read or a waiver has no reason
   */
  public static void check(Class<?> type) {
    List<Hazard> hazards = scan(type);
    if (!hazards.isEmpty()) {
      throw new NondeterminismException(type, hazards);
    }
  }

  /** Every hazard that is not waived, in class-file and bytecode order; empty when the class is clean. */
  public static List<Hazard> scan(Class<?> type) {
    TypeResolver types = new TypeResolver(type.getClassLoader());
    Map<String, ClassScanner> scanned = new HashMap<>();
    List<ClassScanner> order = new ArrayList<>();
    for (ClassFiles.ClassFile file : ClassFiles.closure(type)) {
      ClassScanner scanner = new ClassScanner(types);
      new ClassReader(file.bytes()).accept(scanner, ClassReader.SKIP_FRAMES);
      inheritWaiver(scanner, scanned);
      scanned.put(scanner.internalName(), scanner);
      order.add(scanner);
    }
    Set<String> inScope = scanned.keySet();
    List<Hazard> hazards = new ArrayList<>();
    for (ClassScanner scanner : order) {
      scanner.findings().stream()
          .filter(finding -> !scanner.waivers().covers(finding))
          // A static field of a scanned class is judged at its declaration, not at each access.
          .filter(finding -> finding.staticOwner() == null || !inScope.contains(finding.staticOwner()))
          .map(finding -> finding.toHazard(scanner.internalName().replace('/', '.'), scanner.sourceFile()))
          .collect(Collectors.toCollection(() -> hazards));
    }
    return List.copyOf(hazards);
  }

  /** A nested class is waived when its enclosing class, or the method declaring it, is waived. */
  private static void inheritWaiver(ClassScanner nested, Map<String, ClassScanner> scanned) {
    ClassScanner outer = nested.outerClass() == null ? null : scanned.get(nested.outerClass());
    if (outer == null) {
      return;
    }
    String method = nested.outerMethod();
    boolean methodWaived = method != null
        && outer.waivers().method(method.substring(0, method.indexOf('(')), method.substring(method.indexOf('(')));
    if (outer.waivers().wholeClass() || methodWaived) {
      nested.waivers().inheritWholeClass();
    }
  }
}
