package dev.flamingo.testkit;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.reflector.FsyncPolicy;
import dev.flamingo.reflector.ReflectorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real reflector on 127.0.0.1, any free port and a temporary data directory, plus headless clients
 * joined to it; every client joined here leaves after each test and the directory is deleted on close. Use
 * it as a JUnit 5 extension ({@code @RegisterExtension}: a static field keeps one server for the class,
 * an instance field starts one per test) or in try-with-resources. Thread rule: any thread, one caller at a time.
 */
public final class LocalReflector implements AutoCloseable, BeforeAllCallback, AfterAllCallback,
    BeforeEachCallback, AfterEachCallback {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private ReflectorServer server;
  private Path dataDir;
  private boolean perTest;

  /** Starts a reflector now; for try-with-resources. */
  public static LocalReflector start() {
    LocalReflector reflector = new LocalReflector();
    reflector.open();
    return reflector;
  }

  /** An extension that starts its reflector before the tests and stops it after them. */
  public static LocalReflector extension() {
    return new LocalReflector();
  }

  private LocalReflector() {
  }

  private void open() {
    if (server != null) {
      return;
    }
    try {
      dataDir = Files.createTempDirectory("flamingo-reflector-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory for the reflector", e);
    }
    // Short join timeout and unload delay so broken clients fail fast and emptied sessions go quickly;
    // journals are not forced to a disk that is thrown away.
    server = ReflectorServer.builder().host("127.0.0.1").port(0).dataDir(dataDir)
        .fsync(FsyncPolicy.NEVER).joinTimeout(Duration.ofSeconds(5)).unloadDelay(Duration.ZERO)
        .restartGrace(Duration.ofSeconds(1)).build().start();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    open();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // A static field was opened by beforeAll; an instance field is opened here and closed after the test.
    perTest = server == null;
    open();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      close();
    } else {
      leaveAll();
    }
  }

  /** The server, for settings and metrics not exposed here. */
  public ReflectorServer server() {
    return running();
  }

  /** The HTTP base URI, what {@link JoinParameters.Builder#box} takes. */
  public URI httpUri() {
    return running().httpUri();
  }

  /** The WebSocket URI of the reflector endpoint. */
  public URI websocketUri() {
    return running().websocketUri();
  }

  /** The URI files (snapshots, persisted data) are stored under. */
  public URI filesUri() {
    return running().filesUri();
  }

  /** The temporary data directory (journals and files); deleted on close. */
  public Path dataDir() {
    running();
    return dataDir;
  }

  /**
   * Joins one headless client with {@code params} pointed at this reflector ({@code box}) and waits for
   * the join; the client leaves on close.
   */
  public Session join(JoinParameters.Builder params) {
    Objects.requireNonNull(params, "params");
    Session session = await(Session.join(params.box(httpUri()).build()), DEFAULT_TIMEOUT, "join");
    sessions.add(session);
    return session;
  }

  /**
   * Joins {@code count} headless clients to the session {@code params} describe and waits until every
   * one is synced and sees all {@code count} views.
   */
  public List<Session> joinAll(int count, JoinParameters.Builder params) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    List<Session> joined = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      joined.add(join(params));
    }
    awaitSynced(joined, count, DEFAULT_TIMEOUT);
    return joined;
  }

  /**
   * Waits until every session is synced and its model sees at least {@code views} views, polling on
   * each session's own thread.
   *
   * @throws AssertionError naming the first session still behind when {@code timeout} passes
   */
  public static void awaitSynced(List<Session> sessions, int views, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Session session : sessions) {
      while (!caughtUp(session, views, timeout)) {
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError(session + " not synced with " + views + " views within " + timeout);
        }
        pause();
      }
    }
  }

  private static boolean caughtUp(Session session, int views, Duration timeout) {
    return session.isSynced() && await(session.submit(() -> session.model() != null
        && session.model().viewCount() >= views), timeout, "a look at the model of " + session);
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for sessions to sync", e);
    }
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(what + " did not complete within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + what, e);
    }
  }

  /** Every client joined here leaves, the server stops and its data directory is deleted. */
  @Override
  public void close() {
    if (server == null) {
      return;
    }
    leaveAll();
    server.close();
    server = null;
    deleteDataDir();
  }

  /** Every client joined here leaves, so the next test starts with none. */
  private void leaveAll() {
    for (Session session : sessions) {
      try {
        session.leave().get(5, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // A client that cannot leave cleanly is dropped by the reflector when its socket closes.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sessions.clear();
  }

  private void deleteDataDir() {
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the reflector's temporary data directory " + dataDir, e);
    }
  }

  private ReflectorServer running() {
    if (server == null) {
      throw new IllegalStateException("local reflector not running: use LocalReflector.start() or register it as an extension");
    }
    return server;
  }
}
