package dev.flamingo.core.snapshot;

/**
 * Constants of the binary encoding; stateless.
 *
 * <pre>
 * encoding := magic "FLSN" | varint version | mode byte (0 snapshot, 1 payload) | slot
 * slot     := 0                       null
 *           | 1 class body            first use of a class: defines it, then one object of it
 *           | 2 string                external reference (payload mode: a model's id)
 *           | 3 + 2*index             back reference to an earlier object (identity, cycles)
 *           | 4 + 2*localClass body   an object of an already defined class
 * class    := varint n (n &gt; 0)      built-in type number n - 1 (see Builtins)
 *           | 0 string int32          a registered class by id, and a hash of its fields
 * </pre>
 *
 * Objects are written depth first, each the first time it is reached. Boxes, big numbers and enums
 * are values (no identity) and are written wherever they occur; strings are values too, but one
 * equal to a recently written string (see {@link StringCache}) refers back to it. Fields of a plain class
 * are written in {@link FieldPlan} order, primitives inline. Nothing depends on identity hash codes
 * or hash iteration order except HashMap/HashSet contents, which are written in their iteration
 * order together with the table sizing that determines it (see {@link HashLayout}).
 */
final class Format {

  static final byte[] MAGIC = {'F', 'L', 'S', 'N'};
  static final int VERSION = 1;
  static final int MODE_SNAPSHOT = 0;
  static final int MODE_PAYLOAD = 1;

  static final int NULL = 0;
  static final int DEFINE = 1;
  static final int EXTERNAL = 2;
  static final int FIRST_REF = 3;

  private Format() {}
}
