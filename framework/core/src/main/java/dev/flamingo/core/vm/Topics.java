package dev.flamingo.core.vm;

import java.util.Objects;

/** Validation of scope and event names shared by models and views. */
final class Topics {
  private Topics() {}

  /** A scope must not contain ':' (the topic separator); {@code "*"} is allowed only when subscribing. */
  static void check(String scope, String event, boolean allowGeneric) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(event, "event");
    if (scope.indexOf(':') >= 0) {
      throw new IllegalArgumentException("scope must not contain ':', got \"" + scope + "\"");
    }
    if (!allowGeneric && (scope.equals("*") || event.equals("*"))) {
      throw new IllegalArgumentException("\"*\" matches any scope or event when subscribing; publish to a concrete"
          + " topic, got \"" + scope + ":" + event + "\"");
    }
  }
}
