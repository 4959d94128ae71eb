package dev.flamingo.core.guard;

/**
 * A hazard as found in one class file, before waivers are applied. Thread rule: immutable.
 *
 * @param method the method's name, or null for a finding about a field
 * @param methodDesc the method's descriptor, or null for a field
 * @param field the field's name for a field finding, else null
 * @param line the source line or -1
 * @param what the call or construct
 * @param category the kind of hazard
 * @param advice what to write instead
 * @param staticOwner for an access to another class's static field, that class's internal name
 */
record Finding(String method, String methodDesc, String field, int line, String what, Category category,
    String advice, String staticOwner) {

  static Finding inMethod(String method, String desc, int line, String what, Category category,
      String advice) {
    return new Finding(method, desc, null, line, what, category, advice, null);
  }

  static Finding onField(String field, String what, Category category, String advice) {
    return new Finding(null, null, field, -1, what, category, advice, null);
  }

  Finding withStaticOwner(String owner) {
    return new Finding(method, methodDesc, field, line, what, category, advice, owner);
  }

  Hazard toHazard(String className, String sourceFile) {
    return new Hazard(className, method != null ? method : field, sourceFile, line, what,
        category.problem, advice);
  }
}
