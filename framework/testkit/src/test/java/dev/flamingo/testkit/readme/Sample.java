package dev.flamingo.testkit.readme;

import java.util.List;

/**
 * One {@code ```java} block of a README: where it is, what its marker asks and its code, one string per
 * line; {@code marker} is null when the line before the block is no marker. Immutable, any thread.
 */
record Sample(String readme, int fenceLine, Marker marker, List<String> code) {
  /** The README line that holds code line {@code index} (0-based) of this block. */
  int readmeLine(int index) {
    return fenceLine + 1 + index;
  }

  /** A unique Java class name for the code the test wraps around this block, e.g. {@code README_md_L94}. */
  String className() {
    return readme.replaceAll("[^A-Za-z0-9]", "_") + "_L" + fenceLine;
  }

  /** {@code README.md:94}, how failures name the block. */
  String where() {
    return readme + ":" + fenceLine;
  }
}
