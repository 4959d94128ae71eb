package dev.flamingo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reflector process is killed with SIGKILL (or stopped with SIGTERM) under running Croquet clients
 * and restarted on the same port and data directory: the clients rejoin the same timeline seamlessly, no
 * message is lost, and a client joining afterwards replays the same timeline.
 */
class ReflectorRestartIT {
  /** Long enough for a JVM restart, so the clients rejoin seamlessly instead of rebooting. */
  private static final int REJOIN_LIMIT_MS = 15_000;
  private static final CroquetClient.Options REJOIN =
      CroquetClient.Options.DEFAULTS.rejoinLimit(REJOIN_LIMIT_MS);
  /** Messages each client streams, one every 10 ms, while the reflector is killed and restarted. */
  private static final int STREAMED = 150;

  @TempDir
  Path dir;

  /** How the reflector goes down, and the close code Croquet clients then see. */
  enum Stop {
    KILL_DASH_NINE(1006), SIGTERM(4003);

    final int closeCode;

    Stop(int closeCode) {
      this.closeCode = closeCode;
    }
  }

  @ParameterizedTest
  @EnumSource(Stop.class)
  void clientsCarryOnWithNoLostMessageAfterTheReflectorRestarts(Stop stop) throws IOException {
    String name = Harness.sessionName("restart-" + stop);
    // Both runs use one copy of the jar, so a rebuild of the reflector module cannot change it midway.
    Path jar = Files.copy(Harness.reflectorJar(), dir.resolve("flamingo-reflector.jar"));
    Path data = dir.resolve("data");
    ReflectorProcess reflector = ReflectorProcess.start(jar, data, 0);
    int port = reflector.port();
    try (CroquetClient a = CroquetClient.join("a", reflector.box(), name, REJOIN);
        CroquetClient b = CroquetClient.join("b", reflector.box(), name, REJOIN)) {
      for (int n = 1; n <= 5; n++) {
        a.command("send " + n);
        b.command("send " + n * 10);
      }
      a.await("changed", event -> event.get("count").getAsInt() == 165);
      b.await("changed", event -> event.get("count").getAsInt() == 165);
      JsonObject beforeKillA = a.state();
      List<String> beforeKill = log(beforeKillA);
      String timeline = a.await("sync", event -> true).get("timeline").getAsString();

      reflector.stop(stop == Stop.SIGTERM);
      assertEquals(stop.closeCode, a.await("disconnected", event -> true).get("code").getAsInt());
      assertEquals(stop.closeCode, b.await("disconnected", event -> true).get("code").getAsInt());
      a.command("send 1000");
      reflector = ReflectorProcess.start(jar, data, port);

      a.await("sync", event -> a.count("sync") == 2);
      b.await("sync", event -> b.count("sync") == 2);
      b.command("send 2000");
      a.await("changed", event -> event.get("count").getAsInt() == 3165);
      b.await("changed", event -> event.get("count").getAsInt() == 3165);

      JsonObject finalA = a.state();
      List<String> afterA = log(finalA);
      assertEquals(afterA, log(b.state()));
      assertEquals(beforeKill, afterA.subList(0, beforeKill.size()));
      assertEquals(Set.of(a.viewId() + ":1000", b.viewId() + ":2000"),
          Set.copyOf(afterA.subList(beforeKill.size(), afterA.size())));
      assertEquals(beforeKill.size() + 2, afterA.size());
      assertEquals(timeline, a.all("sync").get(1).get("timeline").getAsString(), "same timeline after restart");
      assertEquals(beforeKillA.get("presence"), finalA.get("presence"), "nobody left or joined");
      assertEquals(1, a.count("view"), "a seamless rejoin keeps the view:\n" + a.output());
      assertEquals(1, b.count("view"), "a seamless rejoin keeps the view:\n" + b.output());

      try (CroquetClient late = CroquetClient.join("late", reflector.box(), name, REJOIN)) {
        assertEquals(afterA, log(late.state()), "a client joining after the restart replays the same timeline");
      }
    } finally {
      reflector.close();
    }
  }

  @Test
  void noMessageAnyClientSawIsLostWhenKilledMidStream() throws IOException {
    String name = Harness.sessionName("kill-9-stream");
    Path jar = Files.copy(Harness.reflectorJar(), dir.resolve("flamingo-reflector.jar"));
    Path data = dir.resolve("data");
    ReflectorProcess reflector = ReflectorProcess.start(jar, data, 0);
    int port = reflector.port();
    try (CroquetClient a = CroquetClient.join("a", reflector.box(), name, REJOIN);
        CroquetClient b = CroquetClient.join("b", reflector.box(), name, REJOIN)) {
      a.command("stream 0 " + STREAMED + " 10");
      b.command("stream 1000 " + STREAMED + " 10");
      a.await("changed", event -> a.count("changed") >= 40);
      reflector.stop(false);
      int seenByA = a.count("changed");
      reflector = ReflectorProcess.start(jar, data, port);
      a.await("streamed", event -> true);
      b.await("streamed", event -> true);
      a.command("send 0");
      b.command("send 0");
      String endA = a.viewId() + ":0";
      String endB = b.viewId() + ":0";
      a.await("changed", event -> sawBoth(a, endA, endB));
      b.await("changed", event -> sawBoth(b, endA, endB));

      List<String> logA = log(a.state());
      assertEquals(logA, log(b.state()));
      assertEquals(logA, changes(a), "a's view saw each message once, in timeline order");
      assertTrue(logA.containsAll(changes(a).subList(0, seenByA)), "messages seen before the kill survive");
      try (CroquetClient late = CroquetClient.join("late", reflector.box(), name, REJOIN)) {
        assertEquals(logA, log(late.state()), "the restarted reflector kept every message clients saw");
      }
      // Croquet clients never resend, so what was on the wire when the process died may be gone.
      int sent = 2 * STREAMED + 2;
      System.out.println("kill -9 mid-stream: " + (sent - logA.size()) + " of " + sent + " messages were"
          + " in flight and lost (never seen by any client)");
    } finally {
      reflector.close();
    }
  }

  private static boolean sawBoth(CroquetClient client, String one, String other) {
    List<String> seen = changes(client);
    return seen.contains(one) && seen.contains(other);
  }

  /** The messages a client's view was told about, in order, as "viewId:n". */
  private static List<String> changes(CroquetClient client) {
    return client.all("changed").stream()
        .map(event -> event.get("from").getAsString() + ":" + event.get("n").getAsInt()).toList();
  }

  private static List<String> log(JsonObject state) {
    List<String> entries = new ArrayList<>();
    for (JsonElement entry : state.getAsJsonArray("log")) {
      entries.add(entry.getAsString());
    }
    return entries;
  }
}
