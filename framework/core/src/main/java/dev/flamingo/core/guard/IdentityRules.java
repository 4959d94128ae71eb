package dev.flamingo.core.guard;

import org.objectweb.asm.Opcodes;

/**
 * Spots calls that reach {@code Object.hashCode()}, {@code Enum.hashCode()} or {@code Object.toString()},
 * all of which expose identity hash codes. Thread rule: stateless.
 *
 * <p>Where the receiver's static type is {@code Object} the runtime class is unknown: hashCode() is
 * still reported (the receiver may be any object), toString() is not (string conversion of arbitrary
 * objects is everywhere, and reporting it would drown the real findings).
 */
final class IdentityRules {
  private IdentityRules() {}

  static CallRules.Verdict match(int opcode, String owner, String name, String desc, TypeResolver types) {
    if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKESPECIAL) {
      return null;
    }
    if (name.equals("hashCode") && desc.equals("()I")) {
      return hashCode(opcode, owner, types);
    }
    if (name.equals("toString") && desc.equals("()Ljava/lang/String;")
        && (opcode == Opcodes.INVOKESPECIAL || !owner.equals("java/lang/Object"))
        && types.declarerOfNoArgMethod(owner, "toString") == Object.class) {
      return new CallRules.Verdict(Category.IDENTITY_HASH, owner.equals("java/lang/Object")
          ? "Object.toString() prints the identity hash code; build the text from the fields"
          : "override toString() in " + Calls.simpleName(owner) + " from its fields");
    }
    return null;
  }

  private static CallRules.Verdict hashCode(int opcode, String owner, TypeResolver types) {
    if (owner.equals("java/lang/Object") && opcode == Opcodes.INVOKESPECIAL) {
      return new CallRules.Verdict(Category.IDENTITY_HASH,
          "super.hashCode() is Object's identity hash; compute the hash from the fields or id");
    }
    if (owner.equals("java/lang/Object")) {
      return new CallRules.Verdict(Category.IDENTITY_HASH, "the receiver's static type is Object, so this"
          + " may be an identity hash: call hashCode() only on types that override it; if every receiver"
          + " here does, waive it with @AllowNondeterminism");
    }
    Class<?> declarer = types.declarerOfNoArgMethod(owner, "hashCode");
    if (declarer == Enum.class) {
      return new CallRules.Verdict(Category.IDENTITY_HASH,
          "enum hash codes are identity hashes; use ordinal() or name().hashCode()");
    }
    if (declarer == Object.class) {
      return new CallRules.Verdict(Category.IDENTITY_HASH,
          "override hashCode() in " + Calls.simpleName(owner) + " from its fields or id");
    }
    return null;
  }
}
