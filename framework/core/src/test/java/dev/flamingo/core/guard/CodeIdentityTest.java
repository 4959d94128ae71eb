package dev.flamingo.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flamingo.core.guard.fixtures.CleanModel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeIdentityTest {
  private static final String COUNTER = """
      package demo;
      public class Counter {
        int count;
        void tick() { count += %s; }
        Runnable later() { return new Runnable() { public void run() { count = %s; } }; }
        void bump() { count += Steps.size(); }
      }
      class Steps {
        static int size() { return %s; }
      }
      """;

  /** Compiled variants, shared by the tests because each javac run costs about a second. */
  private static final Map<String, Class<?>> COMPILED = new HashMap<>();

  @TempDir
  static Path dir;

  @Test
  void sameSourceCompiledTwiceGivesTheSameId() throws Exception {
    assertEquals(idOf(counter("a", "1", "0")), idOf(counter("b", "1", "0")));
  }

  @Test
  void changedMethodBodyGivesANewId() throws Exception {
    assertNotEquals(idOf(counter("a", "1", "0")), idOf(counter("b", "2", "0")));
  }

  @Test
  void changedAnonymousClassBodyGivesANewId() throws Exception {
    assertNotEquals(idOf(counter("a", "1", "0")), idOf(counter("b", "1", "7")));
  }

  @Test
  void changedHelperClassThatModelCodeCallsGivesANewId() throws Exception {
    assertNotEquals(idOf(counter("a", "1", "0", "3")), idOf(counter("b", "1", "0", "4")));
  }

  @Test
  void movedLinesAndCommentsKeepTheId() throws Exception {
    Class<?> original = counter("a", "1", "0");
    Class<?> moved = compile("moved",
        "// a comment that shifts every line\n\n" + COUNTER.formatted("1", "0", "3"));
    assertEquals(idOf(original), idOf(moved));
  }

  @Test
  void classIdOrderConstantsAndFrameworkVersionAllCount() {
    String base = CodeIdentity.builder().add("clean", CleanModel.class).constant("max", 10).build("1.0")
        .versionId();
    assertNotEquals(base, CodeIdentity.builder().add("other", CleanModel.class).constant("max", 10)
        .build("1.0").versionId());
    assertNotEquals(base, CodeIdentity.builder().add("clean", CleanModel.class).constant("max", 10L)
        .build("1.0").versionId());
    assertNotEquals(base, CodeIdentity.builder().add("clean", CleanModel.class).constant("max", 10)
        .build("1.1").versionId());
    assertNotEquals(
        CodeIdentity.builder().add("a", CleanModel.class).add("b", CleanModel.Post.class).build("1").versionId(),
        CodeIdentity.builder().add("b", CleanModel.Post.class).add("a", CleanModel.class).build("1").versionId());
  }

  @Test
  void constantsAreHashedIndependentlyOfMapOrderAndStableAcrossRuns() {
    Map<String, Object> forward = new LinkedHashMap<>();
    forward.put("speed", 1.5);
    forward.put("names", List.of("ann", "bob"));
    Map<String, Object> backward = new HashMap<>();
    backward.put("names", List.of("ann", "bob"));
    backward.put("speed", 1.5);
    CodeIdentity one = CodeIdentity.builder().constant("game", forward).constant("max", 10).build("0.1.0");
    CodeIdentity two = CodeIdentity.builder().constant("max", 10).constant("game", backward).build("0.1.0");
    assertEquals(one, two);
    // A fixed value, recomputed outside Java from the documented framing (length-prefixed UTF-8 of
    // format, version, class count 0, constant count 2, then sorted name/canonical-form pairs): the
    // hash input must not depend on anything that varies between runs or JVMs.
    assertEquals("dBgQmz_2Q3VNLwkYDURzmjAbSqsGBYL5Sd1nOhoo394", one.versionId());
  }

  @Test
  void rejectsConstantsWithoutAStableForm() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> CodeIdentity.builder().constant("limits", Map.of("start", new StringBuilder("x"))));
    assertEquals("constant limits[start] has a value of type java.lang.StringBuilder, which has no stable"
        + " canonical form; use null, String, boolean, numbers, char, enums, records, lists, sets, maps or"
        + " arrays of those", error.getMessage());
  }

  @Test
  void rejectsDuplicateClassIds() {
    CodeIdentity.Builder builder = CodeIdentity.builder().add("clean", CleanModel.class);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> builder.add("clean", CleanModel.Post.class));
    assertEquals("classId must be non-blank and unique, got \"clean\"", error.getMessage());
  }

  private static Class<?> counter(String copy, String step, String reset) throws Exception {
    return counter(copy, step, reset, "3");
  }

  private static Class<?> counter(String copy, String step, String reset, String helperStep) throws Exception {
    return compile(copy + step + reset + helperStep, COUNTER.formatted(step, reset, helperStep));
  }

  private static Class<?> compile(String key, String source) throws Exception {
    Class<?> compiled = COMPILED.get(key);
    if (compiled == null) {
      compiled = Compiled.load(dir.resolve(key), "demo.Counter", source);
      COMPILED.put(key, compiled);
    }
    return compiled;
  }

  private static String idOf(Class<?> type) {
    return CodeIdentity.builder().add("counter", type).build("0.1.0").versionId();
  }
}
