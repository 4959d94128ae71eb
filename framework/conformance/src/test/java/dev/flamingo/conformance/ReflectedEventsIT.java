package dev.flamingo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Croquet's reflected model events through our reflector: every synced Croquet client sends its copy as a
 * TUTTI with the first message attached; the reflector sequences only the first copy it gets per tally key,
 * so every replica's model receives the same events in the same order, and then tallies the votes for the
 * views that asked.
 *
 * <p>Not exactly once, because of Croquet's client: it names the tally {@code topic@time} with the VM's time
 * read in a microtask after the publish, so a replica that executed a later message in the same step (here
 * the other replica's relayed copy, 7-21 ms later) votes under another key, and that second tally relays its
 * copy too. About one run in three did so with 10 ms steps, identically on both replicas, as it would with
 * Croquet's own reflector. Flamingo's client names tallies by the publishing message instead.
 */
class ReflectedEventsIT {
  @RegisterExtension
  final RunningReflector reflector = new RunningReflector();

  @Test
  void everyReplicaReceivesTheSameReflectedEventsAndViewsGetTheTally() {
    String name = Harness.sessionName("reflected");
    try (CroquetClient a = CroquetClient.join("a", reflector.server().httpUri(), name);
        CroquetClient b = CroquetClient.join("b", reflector.server().httpUri(), name)) {
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
      JsonArray echoes = stateA.getAsJsonArray("echoes");
      assertEquals(echoes, stateB.getAsJsonArray("echoes"));
      List<Integer> firstSeen = new ArrayList<>();
      echoes.forEach(e -> {
        if (!firstSeen.contains(e.getAsInt())) {
          firstSeen.add(e.getAsInt());
        }
      });
      assertEquals(List.of(7, 8), firstSeen, "in order; only the race described above repeats one: " + echoes);
      assertEquals(0, stateA.get("divergences").getAsInt());
      assertEquals(0, stateB.get("divergences").getAsInt());
    }
  }
}
