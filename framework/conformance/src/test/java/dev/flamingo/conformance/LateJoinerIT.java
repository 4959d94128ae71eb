package dev.flamingo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client joining late loads the snapshot another client uploaded to our files endpoint, then replays. */
class LateJoinerIT {
  @RegisterExtension
  final RunningReflector reflector = new RunningReflector();

  @Test
  void lateJoinerLoadsTheUploadedSnapshotAndReplaysTheMessagesAfterIt() throws Exception {
    String name = Harness.sessionName("late-joiner");
    try (CroquetClient a = CroquetClient.join("a", reflector.server().httpUri(), name);
        CroquetClient b = CroquetClient.join("b", reflector.server().httpUri(), name)) {
      a.command("send 1");
      b.command("send 2");
      a.await("changed", event -> event.get("count").getAsInt() == 3);
      String url = Snapshots.take(a, b);
      assertTrue(url.startsWith(reflector.server().filesUri().toString()), url);
      assertEquals(200, get(url).statusCode());

      a.command("send 4");
      b.command("send 8");
      a.await("changed", event -> event.get("count").getAsInt() == 15);
      b.await("changed", event -> event.get("count").getAsInt() == 15);

      try (CroquetClient late = CroquetClient.join("late", reflector.server().httpUri(), name)) {
        JsonObject sync = late.await("sync", event -> true);
        assertEquals(url, sync.get("url").getAsString());
        assertTrue(sync.get("messages").getAsInt() >= 2, "messages after the snapshot: " + sync);
        assertEquals(15, late.await("view", event -> true).get("count").getAsInt());

        a.await("presence", event -> event.get("viewId").getAsString().equals(late.viewId()));
        JsonObject stateA = a.state();
        JsonObject lateState = late.state();
        assertEquals(stateA.get("log"), lateState.get("log"));
        assertEquals(stateA.get("presence"), lateState.get("presence"));
      }
    }
  }

  private static HttpResponse<Void> get(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
