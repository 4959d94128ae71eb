package dev.flamingo.testkit.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.testkit.readme.Marker.Action;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The READMEs' {@code ```java} samples, read from the READMEs themselves, compiled against every module (and
 * those marked {@code run} run), so a sample that stops compiling fails the build. See {@link Marker} for the
 * marker each block needs and {@link Scaffolds} for what samples may take from their surroundings. JUnit's
 * thread.
 */
class ReadmeSamplesTest {
  private static final List<String> READMES = List.of("README.md", "framework/reflector/README.md");

  @TempDir
  static Path classes;
  private static List<Sample> samples;
  private static List<SampleSource> checked;
  private static List<String> errors;

  @BeforeAll
  static void compileTheSamples() throws IOException {
    Path repo = repositoryRoot();
    samples = new ArrayList<>();
    for (String readme : READMES) {
      samples.addAll(ReadmeBlocks.read(repo, readme));
    }
    checked = samples.stream()
        .filter(sample -> sample.marker() != null && sample.marker().action() != Action.SKIP)
        .map(SampleSource::new)
        .toList();
    errors = SampleCompiler.compile(checked, classes);
  }

  @Test
  void everyJavaBlockIsMarkedToBeCheckedOrSkippedWithAReason() {
    List<String> unmarked = samples.stream().filter(sample -> sample.marker() == null).map(Sample::where).toList();
    assertEquals(List.of(), unmarked, "a ```java block needs <!-- sample: compile|run [in Scaffold] --> or "
        + "<!-- sample: skip (reason) --> on the line right before it (see ReadmeSamplesTest)");
  }

  @Test
  void everySampleCompiles() {
    assertTrue(errors.isEmpty(), () -> "README samples that do not compile:\n" + String.join("\n", errors));
  }

  @Test
  void theSamplesMarkedRunRun() throws Exception {
    assertTrue(errors.isEmpty(), "the samples do not compile (see everySampleCompiles)");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      for (SampleSource source : checked) {
        if (source.sample().marker().action() == Action.RUN) {
          run(source.sample(), loader);
        }
      }
    }
  }

  private static void run(Sample sample, ClassLoader loader) throws Exception {
    Class<?> wrapped = loader.loadClass(SampleSource.PACKAGE + "." + sample.className());
    Scaffolds.Body body = (Scaffolds.Body) wrapped.getDeclaredConstructor().newInstance();
    try {
      body.sample();
    } catch (Exception | AssertionError e) {
      throw new AssertionError("the sample at " + sample.where() + " threw " + e, e);
    } finally {
      if (body instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  // Surefire runs tests in the module's directory; walking up also works from an IDE started elsewhere inside.
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve(READMES.get(1)))) {
      dir = dir.getParent();
    }
    return Objects.requireNonNull(dir, "no README.md with framework/reflector/README.md above the working directory");
  }
}
