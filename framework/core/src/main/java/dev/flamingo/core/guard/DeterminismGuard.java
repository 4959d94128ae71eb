package dev.flamingo.core.guard;

import java.util.List;

/**
 * Scans a class's bytecode for code that would make replicas diverge: wall clock, unseeded randomness,
 * threads, identity hash codes, hash-ordered iteration over identity-hashed keys, {@code Math} where
 * {@code StrictMath} is needed, static mutable state, default locale, host environment, and file or
 * network I/O. Thread rule: stateless, any thread.
 *
 * <p>The scan covers the class file, its nested/inner/local/anonymous classes and lambda bodies, its
 * application supertypes, and every method of the application's own classes (same jar or directory)
 * that this code can reach through calls and method references. It does not follow calls into other
 * libraries, dynamic dispatch to overrides it cannot name, or reflection. A false positive is
 * acknowledged with {@link AllowNondeterminism}.
 *
 * <p>Decisions worth knowing: {@code new Random(seed)} is allowed (its algorithm is specified, so every
 * replica draws the same numbers; seed it from {@code random()}; as model state it needs a snapshot
 * adapter), while {@code new Random()}, {@code SecureRandom} and {@code ThreadLocalRandom} are not. A
 * {@code HashMap}/{@code HashSet} field keyed by a type whose hash is an identity hash (enums, classes
 * without hashCode(), records of those) is reported even though snapshots restore iteration order:
 * replicas that never went through a snapshot would still iterate differently.
 */
public final class DeterminismGuard {
  private DeterminismGuard() {}

  /**
   * Throws when the class has determinism hazards that are not waived.
   *
   * @throws NondeterminismException listing every hazard with its location and what to use instead
   * @throws IllegalArgumentException when the bytecode cannot be read or a waiver has no reason
   */
  public static void check(Class<?> type) {
    List<Hazard> hazards = scan(type);
    if (!hazards.isEmpty()) {
      throw new NondeterminismException(type, hazards);
    }
  }

  /** Every hazard that is not waived, in class-file and bytecode order; empty when the class is clean. */
  public static List<Hazard> scan(Class<?> type) {
    return new GuardScan(type).run();
  }
}
