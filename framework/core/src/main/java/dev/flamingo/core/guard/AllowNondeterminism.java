package dev.flamingo.core.guard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Acknowledges a {@link DeterminismGuard} finding as a false positive; the reason is required and must
 * not be blank. Thread rule: an annotation, read only from bytecode.
 *
 * <p>Scope: on a class it waives every finding in that class file and in its nested, inner, local and
 * anonymous classes; on a method or constructor it waives that method, the lambdas written in it and
 * the local and anonymous classes declared in it; on a field it waives the findings about that field
 * (static state, hash-ordered collections).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface AllowNondeterminism {
  /** Why this code is deterministic after all, for the next reader. */
  String value();
}
