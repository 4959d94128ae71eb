package dev.flamingo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.flamingo.reflector.ReflectorServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Croquet clients reassemble the reflector's {@code _CHUNK} frames: with a tiny chunk size every RECV
 * and SYNC arrives in pieces, and clients still agree, including one that joins late.
 */
class ChunkedFramesIT {
  private ReflectorServer server;

  @BeforeEach
  void startReflector() {
    server = ReflectorServer.builder().host("127.0.0.1").port(0).chunkChars(64).build().start();
  }

  @AfterEach
  void stopReflector() {
    server.close();
  }

  @Test
  void clientsAgreeWhenEveryLargeFrameIsChunked() {
    String name = Harness.sessionName("chunked");
    try (CroquetClient a = CroquetClient.join("a", server.httpUri(), name);
        CroquetClient b = CroquetClient.join("b", server.httpUri(), name)) {
      for (int n = 1; n <= 4; n++) {
        a.command("send " + n);
        b.command("send " + n * 10);
      }
      a.await("changed", event -> event.get("count").getAsInt() == 110);
      try (CroquetClient late = CroquetClient.join("late", server.httpUri(), name)) {
        assertEquals(110, late.await("view", event -> true).get("count").getAsInt());
        JsonObject stateA = a.state();
        assertTrue(stateA.get("chunkFrames").getAsInt() > 0, "frames arrived chunked: " + stateA);
        assertEquals(stateA.get("log"), b.state().get("log"));
        assertEquals(stateA.get("log"), late.state().get("log"));
      }
    }
  }
}
