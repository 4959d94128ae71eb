package dev.flamingo.core.snapshot;

/**
 * Policy for payload encoding that decides which objects travel as a reference id instead of by
 * value (models inside a view-to-model event); called on the encoding thread only.
 */
@FunctionalInterface
public interface ExternalRefs {

  /**
   * Returns the id under which {@code value} travels, or {@code null} to write it by value. Asked only
   * for instances of registered plain classes (not for strings, boxes, collections or records).
   */
  String externalId(Object value);
}
