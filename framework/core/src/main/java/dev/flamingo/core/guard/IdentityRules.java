package dev.flamingo.core.guard;

import org.objectweb.asm.Opcodes;

/**
 * Spots calls that reach {@code Object.hashCode()}, {@code Enum.hashCode()} or {@code Object.toString()},
 * all of which expose identity hash codes. Thread rule: stateless.
 *
 * <p>javac names {@code java/lang/Object} as the owner of every call to a method that no class between
 * the receiver's static type and Object overrides, so {@code plain.hashCode()} on a class without its
 * own hashCode() arrives here as {@code Object.hashCode()}: such calls are all reported, and the
 * advice says how to waive one whose receivers always override it. {@code toString()} with owner Object
 * is not reported (string conversion of arbitrary objects is everywhere, and reporting it would drown
 * the real findings); {@code super.toString()} reaching Object's is.
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
      return new CallRules.Verdict(Category.IDENTITY_HASH, "the receiver's declared type does not"
          + " override hashCode(), so this is an identity hash unless its runtime class does: override"
          + " hashCode() from the fields or id; if every receiver here overrides it, waive it with"
          + " @AllowNondeterminism");
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
