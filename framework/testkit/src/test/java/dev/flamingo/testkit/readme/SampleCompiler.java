package dev.flamingo.testkit.readme;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles wrapped README samples, against this JVM's class path, into class files. Any thread. */
final class SampleCompiler {
  private SampleCompiler() {}

  /** Compiles {@code sources} together (samples use the types of earlier ones) into {@code classes}; the errors. */
  static List<String> compile(List<SampleSource> sources, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("--release", "17", "-proc:none", "-d", classes.toString(),
          "-classpath", System.getProperty("java.class.path"));
      javac.getTask(null, files, diagnostics, options, null, sources).call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
        .map(SampleCompiler::describe)
        .toList();
  }

  // README.md:425 (the java block at line 412): cannot find symbol ... then the line as the README has it.
  private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
    if (!(diagnostic.getSource() instanceof SampleSource source)) {
      return diagnostic.toString();
    }
    Sample sample = source.sample();
    long line = diagnostic.getLineNumber();
    int readmeLine = source.readmeLine(line);
    String where = readmeLine > 0
        ? sample.readme() + ":" + readmeLine + " (the java block at line " + sample.fenceLine() + ")"
        : sample.where() + " (in the code wrapped around the block)";
    return where + ": " + diagnostic.getMessage(Locale.ROOT) + "\n    " + source.line(line).strip();
  }
}
