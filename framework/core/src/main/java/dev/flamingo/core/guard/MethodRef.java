package dev.flamingo.core.guard;

/**
 * A method named in bytecode: owner's internal name, name and descriptor. Thread rule: immutable.
 */
record MethodRef(String owner, String name, String descriptor) {
  /** The key {@link ClassScanner} uses to select methods: name + descriptor. */
  String key() {
    return name + descriptor;
  }
}
