package dev.flamingo.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Where the Node harness and the shaded reflector live, as set up by this module's pom. Thread rule:
 * stateless.
 */
final class Harness {
  /** Upper bound for anything the tests wait for; Croquet itself needs up to ~1.5 s for a leave. */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  private Harness() {}

  /** {@code target/node}: the copied harness with {@code node_modules} installed by {@code npm ci}. */
  static Path nodeDir() {
    Path dir = Path.of(property("conformance.nodeDir"));
    if (!Files.isDirectory(dir.resolve("node_modules/@croquet/croquet"))) {
      throw new IllegalStateException("@croquet/croquet is not installed in " + dir
          + "; run the build through 'mvn verify', whose npm ci step installs it");
    }
    return dir;
  }

  /** {@code framework/reflector/target/flamingo-reflector.jar}, built by the reflector module. */
  static Path reflectorJar() {
    Path jar = Path.of(property("conformance.reflectorJar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no shaded reflector at " + jar + "; build framework/reflector first");
    }
    return jar;
  }

  /** A session name no other test run uses, so sessions never mix. */
  static String sessionName(String test) {
    return test + "-" + UUID.randomUUID();
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set; run the tests with failsafe");
    }
    return value;
  }
}
