package dev.flamingo.core.guard;

import java.util.Objects;

/**
 * One determinism hazard found in a class's bytecode. Thread rule: immutable, any thread.
 *
 * @param className binary name of the class whose bytecode contains the hazard, e.g. {@code a.B$C}
 * @param member where in that class: a method name, {@code "lambda in onTick"}, or {@code "field f"}
 * @param sourceFile the class's source file name, or {@code null} when compiled without it
 * @param line the source line, or {@code -1} when unknown (fields, classes compiled without -g:lines)
 * @param what the offending call or construct, e.g. {@code "System.currentTimeMillis()"}
 * @param problem why it breaks replica determinism
 * @param advice what to write instead
 */
public record Hazard(
    String className, String member, String sourceFile, int line, String what, String problem,
    String advice) {

  /** Validates that every text part is present; {@code sourceFile} may be null. */
  public Hazard {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(advice, "advice");
  }

  /** The location in stack-trace form, which IDEs turn into a link: {@code a.B.m(B.java:42)}. */
  public String location() {
    String file = sourceFile == null ? "Unknown Source" : sourceFile;
    return className + "." + member + "(" + (line < 0 ? file : file + ":" + line) + ")";
  }

  /** One line for humans: location, call, problem and advice. */
  public String describe() {
    return location() + ": " + what + " " + problem + "; " + advice + ".";
  }
}
