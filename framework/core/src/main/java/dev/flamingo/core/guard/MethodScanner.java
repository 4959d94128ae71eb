package dev.flamingo.core.guard;

import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Checks every call, method reference and static field access in one method body against the hazard
 * rules. Thread rule: confined to one scan.
 *
 * <p>It remembers only the call immediately before a field store, which is enough to see
 * {@code f = new HashMap<>()} and {@code static final List<T> F = List.of(...)} without a data-flow
 * analysis.
 */
final class MethodScanner extends MethodVisitor {
  private static final Set<String> HASH_COLLECTIONS = Set.of("java/util/HashMap.<init>",
      "java/util/HashSet.<init>");

  private final ClassScanner scanned;
  private final String name;
  private final String desc;
  private int line = -1;
  private String previousCall;

  MethodScanner(ClassScanner scanned, String name, String desc) {
    super(Opcodes.ASM9);
    this.scanned = scanned;
    this.name = name;
    this.desc = desc;
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    return scanned.waivers().onMethod(descriptor, name, desc);
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    this.line = line;
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String method, String descriptor, boolean itf) {
    checkCall(opcode, owner, method, descriptor, "");
    scanned.called(owner, method, descriptor);
    previousCall = owner + "." + method;
  }

  @Override
  public void visitInvokeDynamicInsn(String method, String descriptor, Handle bootstrap, Object... args) {
    for (Object arg : args) {
      if (arg instanceof Handle handle && handle.getTag() >= Opcodes.H_INVOKEVIRTUAL) {
        checkCall(opcodeOf(handle), handle.getOwner(), handle.getName(), handle.getDesc(),
            " (method reference)");
        scanned.called(handle.getOwner(), handle.getName(), handle.getDesc());
      }
    }
    previousCall = null;
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
    boolean store = opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC;
    if (store && owner.equals(scanned.internalName())) {
      scanned.fieldStored(field, previousCall, name.equals("<clinit>") && opcode == Opcodes.PUTSTATIC);
    }
    if (store && previousCall != null && HASH_COLLECTIONS.contains(previousCall)) {
      scanned.hashCollectionStored(owner, field, previousCall);
    }
    // A scanned class's own static fields are judged at their declaration; a helper's are judged here.
    boolean declaredHere = owner.equals(scanned.internalName());
    boolean judgedAtDeclaration = declaredHere && !scanned.isHelper();
    if (opcode == Opcodes.PUTSTATIC && !judgedAtDeclaration && !(declaredHere && name.equals("<clinit>"))) {
      report("write to static field " + Calls.simpleName(owner) + "." + field, Category.STATIC_STATE,
          Category.STATIC_STATE.advice, owner);
    }
    if (opcode == Opcodes.GETSTATIC && !judgedAtDeclaration
        && scanned.types().isFinalStaticField(owner, field).map(isFinal -> !isFinal).orElse(false)) {
      report("read of non-final static field " + Calls.simpleName(owner) + "." + field,
          Category.STATIC_STATE, "pass the value in through the model's options or an event", owner);
    }
    previousCall = null;
  }

  private void checkCall(int opcode, String owner, String method, String descriptor, String suffix) {
    String what = Calls.describe(owner, method, descriptor) + suffix;
    CallRules.Verdict identity = IdentityRules.match(opcode, owner, method, descriptor, scanned.types());
    CallRules.Verdict verdict = identity != null
        ? identity : CallRules.match(opcode, owner, method, descriptor, scanned.types());
    if (verdict != null) {
      report(what, verdict.category(), verdict.advice(), null);
    }
  }

  private void report(String what, Category category, String advice, String staticOwner) {
    scanned.add(Finding.inMethod(name, desc, line, what, category, advice).withStaticOwner(staticOwner));
  }

  private static int opcodeOf(Handle handle) {
    return switch (handle.getTag()) {
      case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
      case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
      case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
      default -> Opcodes.INVOKESPECIAL;
    };
  }

  // Every other instruction breaks the "call immediately before a store" pattern.

  @Override
  public void visitInsn(int opcode) {
    previousCall = null;
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    previousCall = null;
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    previousCall = null;
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    previousCall = null;
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    previousCall = null;
  }

  @Override
  public void visitLdcInsn(Object value) {
    previousCall = null;
  }

  @Override
  public void visitIincInsn(int varIndex, int increment) {
    previousCall = null;
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    previousCall = null;
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    previousCall = null;
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    previousCall = null;
  }
}
