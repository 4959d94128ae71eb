package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.Arrays;

/**
 * A model's serial number: the n of its id {@code "M" + n}. A snapshot's future queue and subscription
 * table name their models by it, and the VM keeps it beside each model reference in those tables
 * ({@link FutureMessage}, {@link MethodRef}), so taking a snapshot never reads the models there. Why:
 * those tables list 100,000 models in an order unrelated to where the garbage collector put them, and
 * reading each model once more per table was a cache miss apiece, a third of the blocking capture.
 * Decoding maps the numbers back through an {@link Index}. Static helpers on any thread; an Index is
 * confined to the decoding thread.
 */
final class ModelSerials {
  /** The serial that stands for the VM itself, the receiver of its own futures; model serials start at 1. */
  static final long VM = 0;

  private ModelSerials() {}

  /** The serial of {@code model}, or {@link #VM} for null. */
  static long of(Model model) {
    return model == null ? VM : parse(model.id());
  }

  /** n for a canonical id {@code "M" + n} (n at least 1, no leading zero, within a long), otherwise -1. */
  static long parse(String id) {
    int length = id == null ? 0 : id.length();
    if (length < 2 || id.charAt(0) != 'M' || id.charAt(1) == '0') {
      return -1;
    }
    long n = 0;
    for (int i = 1; i < length; i++) {
      int digit = id.charAt(i) - '0';
      if (digit < 0 || digit > 9 || n > (Long.MAX_VALUE - digit) / 10) {
        return -1;
      }
      n = n * 10 + digit;
    }
    return n;
  }

  /**
   * The decoded model table by serial. The table is in creation order, so its serials increase strictly
   * (checked: decoded data is untrusted); with no model destroyed before it, a model's position is its
   * serial minus the first one, and otherwise a binary search finds it.
   */
  static final class Index {
    private final Model[] models;
    private final long[] serials;
    private int size;

    Index(int capacity) {
      models = new Model[capacity];
      serials = new long[capacity];
    }

    /** Appends the next model of the table; false if its id is not canonical or not above the previous one. */
    boolean add(Model model) {
      long serial = parse(model.id());
      if (serial < 1 || (size > 0 && serial <= serials[size - 1])) {
        return false;
      }
      models[size] = model;
      serials[size++] = serial;
      return true;
    }

    /** The highest serial in the table, 0 if it is empty. */
    long last() {
      return size == 0 ? 0 : serials[size - 1];
    }

    /** The model with {@code serial}, or null if the table has none. */
    Model find(long serial) {
      if (size == 0) {
        return null;
      }
      long guess = serial - serials[0];
      if (guess >= 0 && guess < size && serials[(int) guess] == serial) {
        return models[(int) guess];
      }
      int at = Arrays.binarySearch(serials, 0, size, serial);
      return at < 0 ? null : models[at];
    }
  }
}
