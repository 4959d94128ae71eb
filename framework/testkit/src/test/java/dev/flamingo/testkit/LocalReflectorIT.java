package dev.flamingo.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.client.SessionProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalReflectorIT {
  @RegisterExtension
  static final LocalReflector REFLECTOR = LocalReflector.extension();

  private final List<SessionProblem> problems = new CopyOnWriteArrayList<>();

  @Test
  void threeHeadlessClientsJoinOneSessionSyncAndStayIdentical() throws Exception {
    List<Session> sessions = REFLECTOR.joinAll(3, params("three"));
    assertEquals(1, sessions.stream().map(Session::id).distinct().count(), "one session");
    for (int round = 1; round <= 10; round++) {
      for (Session session : sessions) {
        int n = round;
        session.submit(() -> {
          ((TallyView) session.view()).add(n);
          return null;
        }).get(10, TimeUnit.SECONDS);
      }
    }
    awaitTotal(sessions, 3 * 55);
    String expected = state(sessions.get(0));
    for (Session session : sessions) {
      assertEquals(expected, state(session));
    }
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void tryWithResourcesDeletesTheDataDirectoryAndStopsServing() {
    Path dataDir;
    LocalReflector closed;
    try (LocalReflector reflector = LocalReflector.start()) {
      dataDir = reflector.dataDir();
      assertTrue(Files.isDirectory(dataDir));
      assertEquals("127.0.0.1", reflector.httpUri().getHost());
      assertTrue(reflector.httpUri().getPort() > 0);
      closed = reflector;
    }
    assertFalse(Files.exists(dataDir), dataDir + " left behind");
    IllegalStateException e = assertThrows(IllegalStateException.class, closed::httpUri);
    assertTrue(e.getMessage().startsWith("local reflector not running"), e.getMessage());
  }

  private JoinParameters.Builder params(String name) {
    return JoinParameters.builder().appId("dev.flamingo.testkit").name(name).password("pw")
        .registry(ReplicaCheckerTest.REGISTRY).model(TallyModel.class)
        .view((model, options) -> new TallyView(model)).problems(problems::add);
  }

  private static void awaitTotal(List<Session> sessions, long total) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    for (Session session : sessions) {
      while (session.submit(() -> ((TallyModel) session.model()).total).get(10, TimeUnit.SECONDS) != total) {
        assertTrue(System.nanoTime() < deadline, session + " never reached total " + total + ": " + state(session));
        Thread.sleep(10);
      }
    }
  }

  private static String state(Session session) throws Exception {
    return session.submit(() -> {
      TallyModel model = (TallyModel) session.model();
      return "total=" + model.total + " checksum=" + model.checksum + " views=" + model.views.size();
    }).get(10, TimeUnit.SECONDS);
  }
}
