package dev.flamingo.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaded reflector jar running as its own JVM, so a test can kill it with SIGKILL (or stop it with
 * SIGTERM) and start it again on the same port and data directory. Thread rule: test thread; a reader thread only appends
 * output.
 */
final class ReflectorProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on ws://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final List<String> output = new ArrayList<>();

  private ReflectorProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "reflector-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -jar <jar>} on 127.0.0.1 ({@code port} 0 = any free port). */
  static ReflectorProcess start(Path jar, Path dataDir, int port) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, "-jar", jar.toString(), "--host", "127.0.0.1",
        "--port", String.valueOf(port), "--data", dataDir.toString());
    try {
      return new ReflectorProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** The port it announced once listening. */
  int port() {
    return Poll.until("the reflector to print where it listens; output so far:\n" + output(), () -> {
      synchronized (output) {
        return output.stream().map(LISTENING::matcher).filter(Matcher::find).findFirst()
            .map(match -> Integer.parseInt(match.group(1)));
      }
    });
  }

  /** {@code http://127.0.0.1:port/}, the {@code box} URL for Croquet clients. */
  URI box() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /**
   * Stops the process: gracefully with SIGTERM ({@link Process#destroy()}), or with SIGKILL
   * ({@link Process#destroyForcibly()} on POSIX systems), which lets nothing clean up.
   */
  void stop(boolean graceful) {
    if (graceful) {
      process.destroy();
    } else {
      process.destroyForcibly();
    }
    awaitExit();
  }

  @Override
  public void close() {
    stop(true);
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(Harness.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the reflector did not stop; its output:\n" + output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping the reflector", e);
    }
  }

  private void readOutput() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (output) {
          output.add(line);
        }
      }
    } catch (IOException e) {
      // The process was killed; its output simply ends.
    }
  }
}
