package dev.flamingo.conformance;

import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.stream.Stream;

/** Makes a session of Croquet clients take a snapshot now, for tests of late joiners. Thread rule: test thread. */
final class Snapshots {
  /** Croquet's VM refuses a snapshot poll before 5 s of session time (SNAPSHOT_MIN_POLL_GAP). */
  private static final int FIRST_POSSIBLE_SNAPSHOT_MS = 5_000;

  private Snapshots() {}

  /**
   * Waits until the session allows a snapshot, asks {@code asker} for one, and returns the URL of the first
   * SNAP that {@code asker} or one of {@code others} sends (Croquet lets the fastest client upload it).
   */
  static String take(CroquetClient asker, CroquetClient... others) {
    awaitSessionTime(asker, FIRST_POSSIBLE_SNAPSHOT_MS);
    asker.command("snapshot");
    JsonObject snap = Poll.until("a SNAP from any client", () -> Stream.concat(Stream.of(asker), Stream.of(others))
        .flatMap(client -> client.all("snap").stream()).findFirst());
    return snap.getAsJsonObject("args").get("url").getAsString();
  }

  private static void awaitSessionTime(CroquetClient client, long ms) {
    Poll.until("session time " + ms + " ms", () -> Optional.of(client.state())
        .filter(state -> state.get("time").getAsLong() >= ms));
  }
}
