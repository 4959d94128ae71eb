package dev.flamingo.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Runs the chat in a second JVM tuned for start-up, since a jar's manifest cannot carry JVM flags: the C1
 * compiler only (a chat never needs C2's peak speed, and C2 compiling during start-up costs a core) and an
 * application class-data-sharing archive of the classes the chat loads, kept in the user's cache directory
 * and written by the first run when it exits. Measured on a 2-core machine, this child reaches a usable
 * window with about half the CPU of a plain {@code java -jar}, more than paying for the small launcher JVM.
 * Only {@code java [-Dname=value...] -jar chat-demo.jar ...} relaunches (passing the properties on): any other
 * JVM option given by the user, or {@code -Dflamingo.fastLaunch=false}, runs the chat in place as started. Thread rule: main thread.
 */
final class FastLaunch {
  private static final String CHILD = "flamingo.fastLaunch.child";
  private static final String PREFIX = "chat-demo-";

  private FastLaunch() {}

  /** Runs the chat in the tuned JVM and returns its exit code, or empty to run it in this JVM. */
  static OptionalInt relaunch(String[] args) {
    if (Boolean.getBoolean(CHILD) || !Boolean.parseBoolean(System.getProperty("flamingo.fastLaunch", "true"))) {
      return OptionalInt.empty();
    }
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<Path> jar = runningJar();
    Optional<List<String>> properties = self.arguments().flatMap(FastLaunch::propertiesOnly);
    if (self.command().isEmpty() || jar.isEmpty() || properties.isEmpty()) {
      return OptionalInt.empty();
    }
    Path archive = archiveFor(jar.get());
    Path pending = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    List<String> command = new ArrayList<>(List.of(self.command().get(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-D" + CHILD + "=true"));
    command.addAll(properties.get());
    command.add(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + pending);
    command.addAll(List.of("-jar", jar.get().toString()));
    command.addAll(List.of(args));
    try {
      Files.createDirectories(archive.getParent());
      Process child = new ProcessBuilder(command).inheritIO().start();
      // A kill of this launcher must not leave the chat behind (Ctrl-C reaches both anyway).
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        child.destroy();
        waitAndKeep(child, pending, archive);
      }));
      return OptionalInt.of(waitAndKeep(child, pending, archive));
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * Waits for the chat to exit (and to write its archive at exit), then keeps the archive if the chat ended in
   * order: normally, or by SIGINT or SIGTERM, after which the JVM still writes it whole. A chat killed outright
   * may have left half an archive, so the next run writes a new one.
   */
  private static int waitAndKeep(Process child, Path pending, Path archive) {
    try {
      int exit = child.waitFor();
      if (exit == 0 || exit == 128 + 2 || exit == 128 + 15) {
        keep(pending, archive);
      }
      Files.deleteIfExists(pending);
      return exit;
    } catch (IOException e) {
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /** The {@code -D} options before {@code -jar}, or empty if there is any other JVM option. */
  static Optional<List<String>> propertiesOnly(String[] arguments) {
    List<String> properties = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.equals("-jar")) {
        return Optional.of(properties);
      }
      if (!argument.startsWith("-D")) {
        return Optional.empty();
      }
      properties.add(argument);
    }
    return Optional.empty();
  }

  private static Optional<Path> runningJar() {
    try {
      Path location = Path.of(FastLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * One archive per JDK and jar build: the JVM itself refuses an archive whose jar changed, and a new name
   * then lets the next run write a fresh one.
   */
  private static Path archiveFor(Path jar) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    long stamp;
    try {
      stamp = Files.getLastModifiedTime(jar).toMillis() ^ Files.size(jar);
    } catch (IOException e) {
      stamp = 0;
    }
    String key = Integer.toHexString((System.getProperty("java.vm.version") + jar.toAbsolutePath() + stamp).hashCode());
    return cache.resolve("flamingo").resolve(PREFIX + key + ".jsa");
  }

  /**
   * Moves the archive the first run wrote into place in one step, so no run ever maps a half-written one, and
   * deletes the archives of earlier builds (tens of MB each).
   */
  private static void keep(Path pending, Path archive) {
    try (Stream<Path> cache = Files.list(archive.getParent())) {
      if (Files.isRegularFile(pending) && Files.size(pending) > 0) {
        Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (Path old : cache.filter(FastLaunch::isArchive).filter(file -> !file.equals(archive)).toList()) {
          Files.deleteIfExists(old);
        }
      }
    } catch (IOException e) {
      // the next run writes it again
    }
  }

  private static boolean isArchive(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(PREFIX) && name.endsWith(".jsa");
  }
}
