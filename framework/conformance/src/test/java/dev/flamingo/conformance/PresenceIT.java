package dev.flamingo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * view-join and view-exit as Croquet clients expect them: a join for each client (with its viewData),
 * no exit for a client that reconnects within its rejoin limit, an exit only after the grace period for
 * one that vanishes, and an exit for one that leaves.
 */
class PresenceIT {
  private static final int REJOIN_LIMIT_MS = 1_500;
  private static final CroquetClient.Options REJOIN =
      CroquetClient.Options.DEFAULTS.rejoinLimit(REJOIN_LIMIT_MS);
  /** The reflector announces a leave rejoinLimit + 250 ms after the disconnect, batched every 200 ms. */
  private static final int LEAVE_ANNOUNCED_WITHIN_MS = REJOIN_LIMIT_MS + 250 + 200;

  @RegisterExtension
  final RunningReflector reflector = new RunningReflector();

  @Test
  void joinsExitsAndTheRejoinGracePeriod() throws InterruptedException {
    String name = Harness.sessionName("presence");
    try (CroquetClient a = CroquetClient.join("a", reflector.server().httpUri(), name, REJOIN);
        CroquetClient b = CroquetClient.join("b", reflector.server().httpUri(), name, REJOIN)) {
      String idA = a.viewId();
      String idB = b.viewId();
      a.await("presence", event -> isEvent(event, "join", idB));

      long blipped = System.nanoTime();
      b.command("blip");
      b.await("sync", event -> b.count("sync") == 2);
      assertEquals(1, b.count("view"), "a seamless rejoin keeps the view:\n" + b.output());
      // Absence cannot be polled for: wait out the window in which a leave would be announced, then
      // send a marker that the reflector orders after any such announcement.
      long windowEnd = blipped + (LEAVE_ANNOUNCED_WITHIN_MS + 500) * 1_000_000L;
      Thread.sleep(Math.max(0, (windowEnd - System.nanoTime()) / 1_000_000L));
      a.command("send 1");
      b.await("changed", event -> event.get("count").getAsInt() == 1);
      assertEquals(List.of("join " + idA, "join " + idB), presence(b.state()));

      long killed = System.nanoTime();
      b.kill();
      a.await("presence", event -> isEvent(event, "exit", idB));
      long exitAfterMs = (System.nanoTime() - killed) / 1_000_000L;
      assertTrue(exitAfterMs >= REJOIN_LIMIT_MS, "view-exit came " + exitAfterMs + " ms after the client"
          + " vanished, inside its " + REJOIN_LIMIT_MS + " ms rejoin limit");

      try (CroquetClient c = CroquetClient.join("c", reflector.server().httpUri(), name,
          REJOIN.viewData("{\"name\":\"carol\"}"))) {
        String idC = c.viewId();
        JsonObject joinC = a.await("presence", event -> isEvent(event, "join", idC));
        assertEquals("carol", joinC.getAsJsonObject("viewData").get("name").getAsString(),
            "viewData travels, encrypted, through the reflector to every model");
        c.leave();
        a.await("presence", event -> isEvent(event, "exit", idC));
        JsonObject state = a.state();
        assertEquals(List.of("join " + idA, "join " + idB, "exit " + idB, "join " + idC, "exit " + idC),
            presence(state));
        assertEquals(1, state.get("viewCount").getAsInt());
      }
    }
  }

  private static boolean isEvent(JsonObject event, String what, String viewId) {
    return event.get("what").getAsString().equals(what) && event.get("viewId").getAsString().equals(viewId);
  }

  /** The model's presence history as "join id" / "exit id" strings. */
  static List<String> presence(JsonObject state) {
    List<String> entries = new ArrayList<>();
    for (JsonElement entry : state.getAsJsonArray("presence")) {
      JsonArray fields = entry.getAsJsonArray();
      entries.add(fields.get(0).getAsString() + " " + fields.get(1).getAsString());
    }
    return entries;
  }
}
