package dev.flamingo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two Croquet clients of one counter session end with identical models, and time runs on ticks. */
class CounterIT {
  @RegisterExtension
  final RunningReflector reflector = new RunningReflector();

  @Test
  void twoClientsSeeTheSameEventsInTheSameOrder() {
    String name = Harness.sessionName("counter");
    try (CroquetClient a = CroquetClient.join("a", reflector.server().httpUri(), name);
        CroquetClient b = CroquetClient.join("b", reflector.server().httpUri(), name)) {
      for (int n = 1; n <= 5; n++) {
        a.command("send " + n);
        b.command("send " + n * 100);
      }
      a.await("changed", event -> event.get("count").getAsInt() == 1515);
      b.await("changed", event -> event.get("count").getAsInt() == 1515);

      JsonObject stateA = a.state();
      JsonObject stateB = b.state();
      assertEquals(1515, stateA.get("count").getAsInt());
      assertEquals(10, stateA.getAsJsonArray("log").size());
      assertEquals(stateA.get("log"), stateB.get("log"));
      assertEquals(stateA.get("presence"), stateB.get("presence"));
      assertEquals(2, stateB.get("viewCount").getAsInt());

      long idleSince = stateA.get("time").getAsLong();
      Poll.until("session time to advance by ticks alone", () -> Optional.of(a.state())
          .filter(state -> state.get("time").getAsLong() >= idleSince + 500));
    }
  }
}
