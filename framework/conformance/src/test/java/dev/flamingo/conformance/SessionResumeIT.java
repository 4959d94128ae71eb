package dev.flamingo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.flamingo.reflector.ReflectorServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose only client left is kept (Croquet's own reflector forgets it 10 s later): once it is
 * unloaded from memory, the next client resumes it from storage with the same state, and the client
 * that left is reported as exited, not as still present.
 */
class SessionResumeIT {
  @TempDir
  Path data;

  private ReflectorServer server;

  @BeforeEach
  void startReflector() {
    // Only durable sessions leave memory; unload at once so the next join really resumes from disk.
    server = ReflectorServer.builder().host("127.0.0.1").port(0).dataDir(data)
        .unloadDelay(Duration.ofMillis(10)).build().start();
  }

  @AfterEach
  void stopReflector() {
    server.close();
  }

  @Test
  void theNextClientResumesTheSessionTheLastOneLeft() {
    String name = Harness.sessionName("resume");
    JsonObject before;
    String first;
    try (CroquetClient a = CroquetClient.join("a", server.httpUri(), name)) {
      first = a.viewId();
      a.command("send 1");
      a.command("send 2");
      a.await("changed", event -> event.get("count").getAsInt() == 3);
      before = a.state();
      a.leave();
    }
    Poll.until("the idle session to be unloaded from memory", () -> Optional.of(server.metricsText())
        .filter(metrics -> metrics.contains("\nflamingo_sessions 0\n")));

    try (CroquetClient b = CroquetClient.join("b", server.httpUri(), name)) {
      JsonObject after = b.state();
      assertEquals(before.get("log"), after.get("log"));
      assertEquals(List.of("join " + first, "exit " + first, "join " + b.viewId()),
          PresenceIT.presence(after));
      assertEquals(1, after.get("viewCount").getAsInt());
    }
  }
}
