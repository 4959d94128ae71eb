package dev.flamingo.core.snapshot;

/**
 * Converts a value of a type the codec cannot store field by field into a storable value and back
 * (Croquet's {@code Model.types} write/read spec); implementations must be stateless and pure, so
 * any thread.
 *
 * <p>{@link #write} may return any value the codec supports, including registered objects and
 * collections. {@link #read} receives that value rebuilt. Because the adapted value is constructed
 * from its written form, it cannot be part of a reference cycle that leads back to itself.
 *
 * @param <T> the exact class this adapter handles (subclasses need their own registration)
 */
public interface TypeAdapter<T> {

  /** Returns a storable value that fully describes {@code value}. */
  Object write(T value);

  /** Rebuilds a value from what {@link #write} returned. */
  T read(Object written);
}
