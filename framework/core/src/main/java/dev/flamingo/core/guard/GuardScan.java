package dev.flamingo.core.guard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * One run of the guard over one class: its whole code ({@link ClassFiles#closure}), then every method of
 * a helper class that this code can reach through calls and method references, where a helper is an
 * application class from the same jar or directory as the scanned class. Library classes from other
 * jars and the JDK are not followed: JDK calls are judged by {@link CallRules}. Thread rule: confined.
 */
final class GuardScan {
  private static final String CLASS_INIT = "<clinit>()V";

  private final Class<?> root;
  private final TypeResolver types;
  private final Map<String, ClassScanner> closure = new LinkedHashMap<>();
  private final List<ClassScanner> helpers = new ArrayList<>();
  private final Map<String, Set<String>> helperMethodsDone = new HashMap<>();
  private final Map<String, HelperClass> helperClasses = new HashMap<>();

  /** A helper class file: its bytes, the methods it declares, its superclass. */
  private record HelperClass(byte[] bytes, Set<String> methods, String superName) {}

  GuardScan(Class<?> root) {
    this.root = root;
    this.types = new TypeResolver(root.getClassLoader());
  }

  List<Hazard> run() {
    for (ClassFiles.ClassFile file : ClassFiles.closure(root)) {
      ClassScanner scanner = new ClassScanner(types);
      new ClassReader(file.bytes()).accept(scanner, ClassReader.SKIP_FRAMES);
      inheritWaiver(scanner);
      closure.put(scanner.internalName(), scanner);
    }
    followCalls();
    List<Hazard> hazards = new ArrayList<>();
    closure.values().forEach(scanner -> collect(scanner, hazards));
    helpers.forEach(scanner -> collect(scanner, hazards));
    return List.copyOf(hazards);
  }

  /** After {@link #run()}: the helper classes whose methods the code reaches, sorted by name. */
  List<ClassFiles.ClassFile> helperClassFiles() {
    return helperMethodsDone.keySet().stream().sorted()
        .map(name -> new ClassFiles.ClassFile(name, helperClasses.get(name).bytes())).toList();
  }

  private void collect(ClassScanner scanner, List<Hazard> hazards) {
    for (Finding finding : scanner.findings()) {
      boolean waived = scanner.waivers().covers(finding);
      // A static field of a fully scanned class is judged at its declaration, not at each access.
      boolean judgedElsewhere = finding.staticOwner() != null && closure.containsKey(finding.staticOwner());
      if (!waived && !judgedElsewhere) {
        hazards.add(finding.toHazard(scanner.internalName().replace('/', '.'), scanner.sourceFile()));
      }
    }
  }

  /** A nested class is waived when its enclosing class, or the method declaring it, is waived. */
  private void inheritWaiver(ClassScanner nested) {
    ClassScanner outer = nested.outerClass() == null ? null : closure.get(nested.outerClass());
    if (outer == null) {
      return;
    }
    String method = nested.outerMethod();
    boolean methodWaived = method != null && outer.waivers()
        .method(method.substring(0, method.indexOf('(')), method.substring(method.indexOf('(')));
    if (outer.waivers().wholeClass() || methodWaived) {
      nested.waivers().inheritWholeClass();
    }
  }

  private void followCalls() {
    Deque<MethodRef> pending = new ArrayDeque<>();
    closure.values().forEach(scanner -> pending.addAll(scanner.calls()));
    while (!pending.isEmpty()) {
      MethodRef target = resolveHelperMethod(pending.poll());
      if (target == null) {
        continue;
      }
      Set<String> done = helperMethodsDone.computeIfAbsent(target.owner(), owner -> new HashSet<>());
      Set<String> wanted = new LinkedHashSet<>();
      // The class initializer runs on first use, so it is reachable with the first method.
      if (done.isEmpty() && helperClasses.get(target.owner()).methods().contains(CLASS_INIT)) {
        wanted.add(CLASS_INIT);
      }
      wanted.add(target.key());
      wanted.removeAll(done);
      if (!wanted.isEmpty()) {
        done.addAll(wanted);
        ClassScanner scanner = new ClassScanner(types, wanted);
        new ClassReader(helperClasses.get(target.owner()).bytes()).accept(scanner, ClassReader.SKIP_FRAMES);
        helpers.add(scanner);
        pending.addAll(scanner.calls());
      }
    }
  }

  /** The helper class method a call runs (walking up to an inherited one), or null if not a helper's. */
  private MethodRef resolveHelperMethod(MethodRef call) {
    for (String owner = call.owner(); owner != null && isHelper(owner); ) {
      HelperClass helper = helperClasses.computeIfAbsent(owner, this::readHelper);
      if (helper.methods().contains(call.key())) {
        return new MethodRef(owner, call.name(), call.descriptor());
      }
      owner = helper.superName();
    }
    return null;
  }

  private boolean isHelper(String internalName) {
    if (closure.containsKey(internalName)) {
      return false;
    }
    Class<?> type = types.load(internalName);
    return type != null && !ClassFiles.isTrusted(type) && ClassFiles.sameCodeSource(type, root);
  }

  private HelperClass readHelper(String internalName) {
    byte[] bytes = ClassFiles.read(root.getClassLoader(), internalName);
    Set<String> methods = new HashSet<>();
    ClassReader reader = new ClassReader(bytes);
    reader.accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
        methods.add(name + desc);
        return null;
      }
    }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return new HelperClass(bytes, methods, reader.getSuperName());
  }
}
