package dev.flamingo.core.vm;

/**
 * A handler as the VM stores it: which model, and which of its methods by name and JVM descriptor.
 * Plain strings, so subscriptions and futures survive a snapshot (Croquet stores {@code "M3.onPost"}).
 */
record MethodRef(String modelId, String method, String descriptor) {

  /** Number of parameters, counted in the descriptor (no class loading, so any loader works). */
  int arity() {
    int count = 0;
    for (int i = 1; descriptor.charAt(i) != ')'; i++) {
      char c = descriptor.charAt(i);
      while (c == '[') {
        c = descriptor.charAt(++i);
      }
      if (c == 'L') {
        i = descriptor.indexOf(';', i);
      }
      count++;
    }
    return count;
  }

  /** True if both name the same method of the same model. */
  boolean sameMethod(String otherMethod, String otherDescriptor) {
    return method.equals(otherMethod) && descriptor.equals(otherDescriptor);
  }

  /** {@code M3.onPost(Ljava/lang/String;)V}, for error reports. */
  @Override
  public String toString() {
    return modelId + "." + method + descriptor;
  }
}
