package dev.flamingo.testkit.readme;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the HTML comment right before a README's {@code ```java} block asks the test to do with it:
 * {@code <!-- sample: compile [in Scaffold] -->}, {@code <!-- sample: run [in Scaffold] -->} (compile, then
 * run its statements) or {@code <!-- sample: skip (reason) -->}. Immutable, any thread.
 */
record Marker(Action action, String scaffold, String reason) {
  /** What happens to the block; any thread. */
  enum Action { COMPILE, RUN, SKIP }

  private static final Pattern CHECK =
      Pattern.compile("\\s*<!-- sample: (compile|run)(?: in (\\w+))? -->\\s*");
  private static final Pattern SKIP = Pattern.compile("\\s*<!-- sample: skip \\((.*\\S.*)\\) -->\\s*");

  /** The marker {@code line} holds, or null if it holds none (or a malformed one). */
  static Marker parse(String line) {
    Matcher check = CHECK.matcher(line);
    if (check.matches()) {
      Action action = check.group(1).equals("run") ? Action.RUN : Action.COMPILE;
      return new Marker(action, check.group(2), null);
    }
    Matcher skip = SKIP.matcher(line);
    return skip.matches() ? new Marker(Action.SKIP, null, skip.group(1)) : null;
  }
}
