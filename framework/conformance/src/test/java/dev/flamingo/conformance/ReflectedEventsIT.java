package dev.flamingo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.flamingo.reflector.ReflectorServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Croquet's reflected model events through our reflector: every synced Croquet client sends its copy as a
 * TUTTI with the first message attached; the reflector sequences only the first copy it gets, so each
 * replica's model receives the event exactly once, and then tallies the votes for the views that asked.
 */
class ReflectedEventsIT {
  private ReflectorServer server;

  @BeforeEach
  void startReflector() {
    server = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
  }

  @AfterEach
  void stopReflector() {
    server.close();
  }

  @Test
  void eachReplicaReceivesEveryReflectedEventOnceAndViewsGetTheTally() {
    String name = Harness.sessionName("reflected");
    try (CroquetClient a = CroquetClient.join("a", server.httpUri(), name);
        CroquetClient b = CroquetClient.join("b", server.httpUri(), name)) {
      // Croquet votes only from a synced client: with neither synced, the event is never relayed.
      a.await("synced", event -> event.get("synced").getAsBoolean());
      b.await("synced", event -> event.get("synced").getAsBoolean());
      a.command("reflect 7");
      b.await("echoed", event -> event.get("n").getAsInt() == 7);
      b.command("reflect 8");
      for (CroquetClient client : new CroquetClient[] {a, b}) {
        client.await("echoed", event -> event.get("n").getAsInt() == 8);
        client.await("tally", event -> event.toString().contains("8"));
      }
      // Both votes are in (the tally came); a second copy relayed late would show here as a duplicate.
      a.command("send 1");
      a.await("changed", event -> event.get("count").getAsInt() == 1);
      b.await("changed", event -> event.get("count").getAsInt() == 1);

      JsonObject stateA = a.state();
      JsonObject stateB = b.state();
      JsonArray expected = new JsonArray();
      expected.add(7);
      expected.add(8);
      assertEquals(expected, stateA.getAsJsonArray("echoes"));
      assertEquals(expected, stateB.getAsJsonArray("echoes"));
      assertEquals(0, stateA.get("divergences").getAsInt());
      assertEquals(0, stateB.get("divergences").getAsInt());
    }
  }
}
