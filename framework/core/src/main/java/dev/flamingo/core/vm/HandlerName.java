package dev.flamingo.core.vm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handler method by name and JVM descriptor, e.g. {@code onPost (Ljava/lang/String;)V}. Each VM keeps
 * one instance per distinct name ({@link Interner}) so a snapshot writes it once and refers to it after.
 */
final class HandlerName {
  private String method;
  private String descriptor;

  HandlerName(String method, String descriptor) {
    this.method = method;
    this.descriptor = descriptor;
  }

  String method() {
    return method;
  }

  String descriptor() {
    return descriptor;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HandlerName name && method.equals(name.method) && descriptor.equals(name.descriptor);
  }

  @Override
  public int hashCode() {
    return method.hashCode() * 31 + descriptor.hashCode();
  }

  /**
   * One shared instance per name. The sharing shapes the snapshot bytes, so a restored VM re-interns the
   * decoded names before creating new ones. Model thread only.
   */
  static final class Interner {
    private final Map<HandlerName, HandlerName> names = new LinkedHashMap<>();

    HandlerName intern(HandlerName name) {
      HandlerName shared = names.putIfAbsent(name, name);
      return shared == null ? name : shared;
    }
  }
}
