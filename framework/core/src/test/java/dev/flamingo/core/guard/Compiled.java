package dev.flamingo.core.guard;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles one Java source at test time into its own directory and class loader. */
final class Compiled {
  private Compiled() {}

  static Class<?> load(Path dir, String className, String source) throws IOException, ReflectiveOperationException {
    Path file = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
    Path classes = dir.resolve("classes");
    Files.createDirectories(file.getParent());
    Files.createDirectories(classes);
    Files.writeString(file, source, StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, List.of("-g", "--release", "17", "-d", classes.toString(),
        file.toString()).toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("javac failed with status " + status + " for " + file);
    }
    URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
        Compiled.class.getClassLoader());
    return Class.forName(className, false, loader);
  }
}
