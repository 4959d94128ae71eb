package dev.flamingo.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.guard.fixtures.CleanModel;
import dev.flamingo.core.guard.fixtures.HazardFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeterminismGuardTest {
  private static final Path FIXTURES =
      Path.of("src/test/java/dev/flamingo/core/guard/fixtures/HazardFixtures.java");

  static Stream<Arguments> callHazards() {
    return Stream.of(
        call("WallClock", "System.currentTimeMillis()", "use now()"),
        call("NanoTime", "System.nanoTime()", "use now()"),
        call("InstantNow", "Instant.now()", "use now()"),
        call("LocalDateTimeNow", "LocalDateTime.now()", "use now()"),
        call("NewDate", "new Date()", "use now()"),
        call("MathRandom", "Math.random()", "use random()"),
        call("UnseededRandom", "new Random()", "new Random(seed)"),
        call("ThreadLocalRandomUse", "ThreadLocalRandom.current()", "use random()"),
        call("SecureRandomUse", "new SecureRandom()", "use random()"),
        call("StartsThread", "new Thread(Runnable)", "use future("),
        call("UsesExecutor", "Executors.newSingleThreadExecutor()", "use future("),
        call("AsyncFuture", "CompletableFuture.runAsync(Runnable)", "without Async"),
        call("TimerUse", "new Timer()", "use future("),
        call("ParallelStream", "List.parallelStream()", "use stream()"),
        call("IdentityHash", "System.identityHashCode(Object)", "id field"),
        call("ObjectHashCode", "Object.hashCode()", "declared type does not override hashCode()"),
        call("SuperHashCode", "Object.hashCode()", "super.hashCode() is Object's identity hash"),
        call("EnumHashCode", "HazardFixtures.Color.hashCode()", "use ordinal()"),
        call("DefaultToString", "Object.toString()", "build the text from the fields"),
        call("Transcendental", "Math.sin(double)", "use StrictMath.sin"),
        call("PowerOf", "Math.pow(double, double)", "use StrictMath.pow"),
        call("WritesOtherStatic", "write to static field HazardFixtures.Globals.counter", "instance fields"),
        call("ReadsOtherStatic", "read of non-final static field HazardFixtures.Globals.counter", "options"),
        call("FormatWithoutLocale", "String.format(String, Object[])", "String.format(Locale.ROOT"),
        call("UpperWithoutLocale", "String.toUpperCase()", "toUpperCase(Locale.ROOT)"),
        call("ReadsEnvironment", "System.getProperty(String)", "options"),
        call("ReadsFile", "Files.readString(Path)", "publish the result to the model as an event"),
        call("LambdaClock", "System.currentTimeMillis()", "use now()"),
        call("MethodRefClock", "System.currentTimeMillis() (method reference)", "use now()"),
        call("AnonymousClock", "System.nanoTime()", "use now()"),
        call("InnerRandom", "Math.random()", "use random()"),
        call("InheritedClock", "System.currentTimeMillis()", "use now()"),
        call("HelperClock", "System.currentTimeMillis()", "use now()"),
        call("HelperStatic", "read of non-final static field HazardFixtures.Stopwatch.nextId", "options"));
  }

  private static Arguments call(String fixture, String what, String advice) {
    return Arguments.of(fixture, what, advice);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callHazards")
  void reportsTheCallWithItsSourceLineAndWhatToUseInstead(String fixture, String what, String advice)
      throws Exception {
    Class<?> type = fixture(fixture);
    NondeterminismException error = assertThrows(NondeterminismException.class,
        () -> DeterminismGuard.check(type));
    Hazard hazard = error.hazards().get(0);
    int line = markedLine(fixture);
    assertEquals(what, hazard.what());
    assertEquals(line, hazard.line());
    assertTrue(hazard.advice().contains(advice), hazard.advice());
    assertTrue(error.getMessage().contains("(HazardFixtures.java:" + line + "): " + what), error.getMessage());
    assertTrue(error.getMessage().startsWith(type.getName() + " cannot run in a replicated model"));
  }

  static Stream<Arguments> fieldHazards() {
    return Stream.of(
        Arguments.of("StaticCounter", "count", "non-final static field int count"),
        Arguments.of("StaticMutableList", "NAMES", "static final field List NAMES of a mutable type"),
        Arguments.of("StaticArray", "TABLE", "static final field int[] TABLE of a mutable type"),
        Arguments.of("HashMapOfEnums", "counts",
            "HashMap field counts keyed by HazardFixtures.Color, whose hashCode() is or includes an identity"
                + " hash,"),
        Arguments.of("HashSetOfEnumRecords", "pieces",
            "HashSet field pieces keyed by HazardFixtures.Piece, whose hashCode() is or includes an identity"
                + " hash,"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fieldHazards")
  void reportsTheFieldThatHoldsSharedOrHashOrderedState(String fixture, String field, String what)
      throws Exception {
    List<Hazard> hazards = DeterminismGuard.scan(fixture(fixture));
    assertEquals(1, hazards.size(), hazards.toString());
    assertEquals(field, hazards.get(0).member());
    assertEquals(what, hazards.get(0).what());
    assertEquals(-1, hazards.get(0).line());
  }

  @Test
  void messageNamesClassMethodLineCallAndFix() throws Exception {
    int line = markedLine("WallClock");
    String name = HazardFixtures.class.getName() + "$WallClock";
    NondeterminismException error = assertThrows(NondeterminismException.class,
        () -> DeterminismGuard.check(HazardFixtures.WallClock.class));
    assertEquals(name + " cannot run in a replicated model: 1 determinism hazard\n"
        + "  at " + name + ".tick(HazardFixtures.java:" + line + "): System.currentTimeMillis() reads the"
        + " wall clock, which differs between replicas; use now(), the model's simulation time in ms.\n"
        + "If a finding is a false positive, annotate the method, field or class with"
        + " @dev.flamingo.core.guard.AllowNondeterminism(\"<why it is deterministic>\").", error.getMessage());
  }

  @Test
  void lambdaAnonymousInnerInheritedAndHelperCodeIsReportedWhereItLives() {
    assertTrue(only(HazardFixtures.LambdaClock.class).member().startsWith("lambda$later$"));
    assertTrue(only(HazardFixtures.AnonymousClock.class).className().endsWith("$AnonymousClock$1"));
    assertTrue(only(HazardFixtures.InnerRandom.class).className().endsWith("$InnerRandom$Dice"));
    assertTrue(only(HazardFixtures.InheritedClock.class).className().endsWith("$ClockBase"));
    assertTrue(only(HazardFixtures.HelperClock.class).className().endsWith("$Stopwatch"));
  }

  @Test
  void everydayModelCodePasses() {
    DeterminismGuard.check(CleanModel.class);
    DeterminismGuard.check(CleanModel.Post.class);
    DeterminismGuard.check(CleanModel.Mood.class);
    DeterminismGuard.check(HazardFixtures.Plain.class);
  }

  @Test
  void rejectsClassesWithoutApplicationBytecode() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> DeterminismGuard.check(String.class));
    assertEquals("expected an application class, got java.lang.String", error.getMessage());
  }

  private static Hazard only(Class<?> type) {
    List<Hazard> hazards = DeterminismGuard.scan(type);
    assertEquals(1, hazards.size(), hazards.toString());
    return hazards.get(0);
  }

  static Class<?> fixture(String simpleName) throws ClassNotFoundException {
    return Class.forName(HazardFixtures.class.getName() + "$" + simpleName);
  }

  private static int markedLine(String fixture) throws IOException {
    List<String> lines = Files.readAllLines(FIXTURES, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith("// hazard: " + fixture)) {
        return i + 1;
      }
    }
    throw new IllegalStateException("no // hazard: " + fixture + " marker in " + FIXTURES);
  }
}
