package dev.flamingo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.flamingo.reflector.ReflectorServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Croquet's persistence: what a session saved with {@code persistSession} (SAVE) seeds the session that
 * new model code starts under the same name, through SYNC {@code persisted: true}.
 */
class PersistenceIT {
  @TempDir
  Path data;

  private ReflectorServer server;

  @BeforeEach
  void startReflector() {
    server = ReflectorServer.builder().host("127.0.0.1").port(0).dataDir(data).build().start();
  }

  @AfterEach
  void stopReflector() {
    server.close();
  }

  @Test
  void newModelCodeStartsFromWhatTheOldCodePersisted() {
    String name = Harness.sessionName("persist");
    String savedUrl;
    String oldSession;
    JsonObject oldState;
    try (CroquetClient v1 = CroquetClient.join("v1", server.httpUri(), name,
        CroquetClient.Options.DEFAULTS.codeVersion("1"))) {
      oldSession = v1.await("joined", event -> true).get("sessionId").getAsString();
      v1.await("synced", event -> event.get("synced").getAsBoolean());
      // Croquet skips a persistence poll while not synced, then cools off for 25 s of session time: one
      // change, persisted once, keeps this test short.
      v1.command("send 5");
      v1.await("changed", event -> event.get("count").getAsInt() == 5);
      savedUrl = v1.await("save", event -> true).getAsJsonObject("args").get("url").getAsString();
      oldState = v1.state();
      v1.leave();
    }
    assertTrue(savedUrl.startsWith(server.filesUri().toString()), savedUrl);

    try (CroquetClient v2 = CroquetClient.join("v2", server.httpUri(), name,
        CroquetClient.Options.DEFAULTS.codeVersion("2"))) {
      assertNotEquals(oldSession, v2.await("joined", event -> true).get("sessionId").getAsString(),
          "new code, new session");
      JsonObject sync = v2.await("sync", event -> true);
      assertTrue(sync.get("persisted").getAsBoolean(), sync.toString());
      assertEquals(savedUrl, sync.get("url").getAsString());
      assertEquals(oldState.get("log"), v2.state().get("log"));
    }
  }
}
