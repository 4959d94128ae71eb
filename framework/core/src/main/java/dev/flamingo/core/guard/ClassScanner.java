package dev.flamingo.core.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Collects the findings, waivers, enclosing class and calls of one class file. Thread rule: confined to one scan.
 *
 * <p>Static state rule (sound without data flow): a model's static field must be final, and when its
 * type is known to be mutable (an array, a {@code java.util} collection or map, an atomic, a builder,
 * {@code Random}, {@code Date}, {@code BitSet}) it must be a collection assigned in the static
 * initializer straight from an unmodifiable factory ({@code List.of}, {@code Map.copyOf},
 * {@code Collections.unmodifiable...}, {@code Stream.toList}). Writing another class's static field is
 * always a hazard; reading one is a hazard when that field is not final. In a helper class (see
 * {@link GuardScan}) only the reached methods are scanned, so its own static fields are judged at each
 * access instead: a write outside its static initializer, or a read of a non-final one.
 */
final class ClassScanner extends ClassVisitor {
  private static final Set<String> MUTABLE_TYPES = Set.of("java.lang.StringBuilder",
      "java.lang.StringBuffer", "java.util.Random", "java.util.Date", "java.util.Calendar",
      "java.util.BitSet");

  private final TypeResolver types;
  private final Set<String> onlyMethods;
  private final Set<MethodRef> calls = new LinkedHashSet<>();
  private String internalName;
  private String sourceFile;
  private String outerClass;
  private String outerMethod;
  private Waivers waivers;
  private final Map<String, FieldDecl> fields = new LinkedHashMap<>();
  private final Set<String> immutableStatics = new HashSet<>();
  private final Map<String, String> hashCollections = new HashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  /** A field as declared: access flags, descriptor and generic signature (may be null). */
  private record FieldDecl(int access, String descriptor, String signature) {}

  /** Scans a whole class file of the model's code. */
  ClassScanner(TypeResolver types) {
    this(types, null);
  }

  /**
   * Scans only the given methods ({@code name + descriptor}) of a helper class that model code calls;
   * null scans the whole class file.
   */
  ClassScanner(TypeResolver types, Set<String> onlyMethods) {
    super(Opcodes.ASM9);
    this.types = types;
    this.onlyMethods = onlyMethods;
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    internalName = name;
    waivers = new Waivers(name.replace('/', '.'));
  }

  @Override
  public void visitSource(String source, String debug) {
    sourceFile = source;
  }

  @Override
  public void visitOuterClass(String owner, String name, String descriptor) {
    outerClass = owner;
    outerMethod = name == null ? null : name + descriptor;
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    return waivers.onClass(descriptor);
  }

  @Override
  public void visitInnerClass(String name, String outerName, String innerName, int access) {
    if (name.equals(internalName) && outerName != null) {
      outerClass = outerName;
    }
  }

  @Override
  public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
    if ((access & Opcodes.ACC_SYNTHETIC) == 0) {
      fields.put(name, new FieldDecl(access, descriptor, signature));
    }
    return new FieldVisitor(Opcodes.ASM9) {
      @Override
      public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
        return waivers.onField(annotation, name);
      }
    };
  }

  @Override
  public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
      String[] exceptions) {
    boolean wanted = onlyMethods == null || onlyMethods.contains(name + descriptor);
    return wanted ? new MethodScanner(this, name, descriptor) : null;
  }

  @Override
  public void visitEnd() {
    if (!isHelper()) {
      fields.forEach(this::checkField);
    }
  }

  private void checkField(String name, FieldDecl decl) {
    boolean isStatic = (decl.access & Opcodes.ACC_STATIC) != 0;
    boolean isFinal = (decl.access & Opcodes.ACC_FINAL) != 0;
    String type = Calls.typeName(decl.descriptor);
    if (isStatic && !isFinal) {
      findings.add(Finding.onField(name, "non-final static field " + type + " " + name,
          Category.STATIC_STATE, "make it an instance field of the model, or a final constant"));
    } else if (isStatic && isMutable(decl.descriptor) && !immutableStatics.contains(name)) {
      findings.add(Finding.onField(name, "static final field " + type + " " + name + " of a mutable type",
          Category.STATIC_STATE, "make it an instance field, or assign an unmodifiable collection"
              + " (List.of, Map.copyOf, Collections.unmodifiable...); for a read-only table, waive it"
              + " with @AllowNondeterminism on the field"));
    }
    checkHashOrder(name, decl);
  }

  private boolean isMutable(String descriptor) {
    if (descriptor.startsWith("[")) {
      return true;
    }
    Class<?> type = descriptor.startsWith("L") ? types.load(descriptor.substring(1, descriptor.length() - 1))
        : null;
    return type != null && (java.util.Collection.class.isAssignableFrom(type)
        || java.util.Map.class.isAssignableFrom(type)
        || type.getName().startsWith("java.util.concurrent.atomic.")
        || MUTABLE_TYPES.stream().anyMatch(name -> isSubtype(type, name)));
  }

  private static boolean isSubtype(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private void checkHashOrder(String name, FieldDecl decl) {
    String collection = hashCollections.get(name);
    if (collection == null && (decl.descriptor.equals("Ljava/util/HashMap;")
        || decl.descriptor.equals("Ljava/util/HashSet;"))) {
      collection = decl.descriptor.substring(1, decl.descriptor.length() - 1);
    }
    String key = collection == null ? null : Signatures.firstTypeArgument(decl.signature);
    if (key != null && (key.startsWith("[") || types.hashesByIdentity(key))) {
      findings.add(Finding.onField(name, Calls.simpleName(collection) + " field " + name + " keyed by "
          + (key.startsWith("[") ? "an array type" : Calls.simpleName(key))
          + ", whose hashCode() is or includes an identity hash,", Category.HASH_ORDER,
          Category.HASH_ORDER.advice + "; if it is never iterated, waive it with @AllowNondeterminism"));
    }
  }

  void add(Finding finding) {
    findings.add(finding);
  }

  /** Notes a call or method reference, so the guard can follow it into helper classes. */
  void called(String owner, String name, String descriptor) {
    if (!owner.startsWith("[")) {
      calls.add(new MethodRef(owner, name, descriptor));
    }
  }

  Set<MethodRef> calls() {
    return calls;
  }

  /** Whether this scans selected methods of a helper class rather than the model's own code. */
  boolean isHelper() {
    return onlyMethods != null;
  }

  /** Notes a store into one of this class's fields, made right after {@code previousCall}. */
  void fieldStored(String field, String previousCall, boolean inStaticInit) {
    if (inStaticInit && previousCall != null && Signatures.isUnmodifiableFactory(previousCall)) {
      immutableStatics.add(field);
    }
  }

  /** Notes that {@code new HashMap/HashSet} was stored into a field. */
  void hashCollectionStored(String owner, String field, String constructor) {
    if (owner.equals(internalName)) {
      hashCollections.put(field, constructor.substring(0, constructor.indexOf('.')));
    }
  }

  TypeResolver types() {
    return types;
  }

  Waivers waivers() {
    return waivers;
  }

  String internalName() {
    return internalName;
  }

  String sourceFile() {
    return sourceFile;
  }

  /** The directly enclosing class, or null for a top-level class. */
  String outerClass() {
    return outerClass;
  }

  /** The enclosing method (name + descriptor) of a local or anonymous class, else null. */
  String outerMethod() {
    return outerMethod;
  }

  List<Finding> findings() {
    return findings;
  }
}
