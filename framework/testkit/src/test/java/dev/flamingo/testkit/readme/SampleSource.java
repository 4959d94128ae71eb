package dev.flamingo.testkit.readme;

import dev.flamingo.testkit.readme.CodeItems.Item;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.tools.SimpleJavaFileObject;

/**
 * A README sample wrapped into a compilation unit of package {@value #PACKAGE}: the shared imports and the
 * scaffold's static members, the sample's type declarations at top level, then a class extending its scaffold
 * (if any) that holds the sample's members and, in {@link Scaffolds.Body#sample()}, its statements. Remembers
 * the README line of each line it writes, so compiler errors name the README. Immutable, any thread.
 */
final class SampleSource extends SimpleJavaFileObject {
  static final String PACKAGE = "readme";

  // What every sample may use without importing it: the framework's API, the JDK and JavaFX types the
  // samples name, and the scaffolds' stand-ins for what the README leaves to the reader.
  private static final List<String> IMPORTS = List.of(
      "dev.flamingo.client.*", "dev.flamingo.core.*", "dev.flamingo.core.snapshot.TypeAdapter",
      "dev.flamingo.fx.*", "dev.flamingo.fx.testing.SessionWindows", "dev.flamingo.reflector.ReflectorServer",
      "dev.flamingo.testkit.*", "dev.flamingo.testkit.readme.Scaffolds",
      "java.net.URI", "java.nio.file.*", "java.time.Instant", "java.util.*", "java.util.concurrent.*",
      "javafx.beans.binding.Bindings", "javafx.event.ActionEvent", "javafx.scene.control.*",
      "javafx.scene.layout.*", "javafx.stage.Stage",
      "org.junit.jupiter.api.*", "org.junit.jupiter.api.extension.RegisterExtension", "org.testfx.api.FxRobot",
      "static dev.flamingo.fx.testing.SessionWindows.*");

  private final Sample sample;
  private final List<String> lines = new ArrayList<>();
  private final List<Integer> readmeLines = new ArrayList<>();

  SampleSource(Sample sample) {
    super(URI.create("string:///" + PACKAGE + "/" + sample.className() + Kind.SOURCE.extension), Kind.SOURCE);
    this.sample = sample;
    List<Item> items = CodeItems.split(sample.code());
    wrapper("package " + PACKAGE + ";");
    IMPORTS.forEach(name -> wrapper("import " + name + ";"));
    String scaffold = sample.marker().scaffold();
    if (scaffold != null) {
      // The sample's top-level types see the scaffold's static members too (MyAppIT uses REGISTRY).
      wrapper("import static dev.flamingo.testkit.readme.Scaffolds." + scaffold + ".*;");
    }
    copy(items, CodeItems.Kind.TYPE);
    wrapper("public final class " + sample.className()
        + (scaffold == null ? "" : " extends Scaffolds." + scaffold) + " implements Scaffolds.Body {");
    copy(items, CodeItems.Kind.MEMBER);
    wrapper("@Override public void sample() throws Exception {");
    copy(items, CodeItems.Kind.STATEMENT);
    wrapper("}}");
  }

  Sample sample() {
    return sample;
  }

  /** The README line behind line {@code line} (1-based) of this unit, or 0 for a line of the wrapper. */
  int readmeLine(long line) {
    return line < 1 || line > lines.size() ? 0 : readmeLines.get((int) line - 1);
  }

  /** Line {@code line} (1-based) of this unit. */
  String line(long line) {
    return line < 1 || line > lines.size() ? "" : lines.get((int) line - 1);
  }

  // A block may declare several public types (ChatModel and Post); javac asks the file whether it may hold each.
  @Override
  public boolean isNameCompatible(String simpleName, Kind kind) {
    return kind == Kind.SOURCE;
  }

  @Override
  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
    return String.join("\n", lines) + "\n";
  }

  private void wrapper(String line) {
    lines.add(line);
    readmeLines.add(0);
  }

  private void copy(List<Item> items, CodeItems.Kind kind) {
    for (Item item : items) {
      for (int i = item.first(); item.kind() == kind && i <= item.last(); i++) {
        lines.add(sample.code().get(i));
        readmeLines.add(sample.readmeLine(i));
      }
    }
  }
}
