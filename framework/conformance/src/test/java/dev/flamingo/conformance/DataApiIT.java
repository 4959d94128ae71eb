package dev.flamingo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Croquet's Data API through our {@code /files} endpoint: a blob one client stores reaches an earlier and a
 * late-joining client byte for byte, and a blob whose file is gone fails the fetch instead of hanging it.
 */
class DataApiIT {
  /** Large enough for a multi-packet upload; random, so every byte value occurs and it is not UTF-8. */
  private static final int BLOB_BYTES = 300 * 1024;

  @RegisterExtension
  final RunningReflector reflector = new RunningReflector();

  /** {@code session}: {@code session.data.store/fetch}; {@code legacy}: {@code Croquet.Data.store(sessionId, ...)}. */
  @ParameterizedTest
  @ValueSource(strings = {"session", "legacy"})
  void aStoredBlobReachesAnEarlierAndALateJoinerIntact(String api) throws IOException {
    String name = Harness.sessionName("data-" + api);
    try (CroquetClient a = CroquetClient.join("a", reflector.server().httpUri(), name);
        CroquetClient b = CroquetClient.join("b", reflector.server().httpUri(), name)) {
      JsonObject stored = store(a, api);
      assertContentAddressed(dataFile());

      b.await("blob", event -> event.get("id").equals(stored.get("id")));
      assertSameBlob(stored, fetch(b, api));

      String snapshot = Snapshots.take(a, b);
      try (CroquetClient late = CroquetClient.join("late", reflector.server().httpUri(), name)) {
        assertEquals(snapshot, late.await("sync", event -> true).get("url").getAsString(),
            "the late joiner starts from the snapshot, so the handle comes from the snapshot");
        assertEquals(stored.get("id"), late.state().get("blob"));
        assertSameBlob(stored, fetch(late, api));
      }
    }
  }

  @Test
  void aBlobWhoseFileIsGoneFailsTheFetchAndTheSessionGoesOn() throws IOException {
    String name = Harness.sessionName("data-missing");
    try (CroquetClient a = CroquetClient.join("a", reflector.server().httpUri(), name);
        CroquetClient b = CroquetClient.join("b", reflector.server().httpUri(), name)) {
      JsonObject lost = store(a, "session");
      b.await("blob", event -> event.get("id").equals(lost.get("id")));
      Files.delete(dataFile());

      JsonObject failed = fetch(b, "session");
      assertFalse(failed.get("ok").getAsBoolean(), failed.toString());
      assertEquals(lost.get("id"), failed.get("id"));
      assertTrue(failed.get("message").getAsString().contains("404"), failed.toString());

      a.command("send 1");
      b.await("changed", event -> event.get("count").getAsInt() == 1);
      JsonObject stored = store(a, "session");
      b.await("blob", event -> event.get("id").equals(stored.get("id")));
      assertSameBlob(stored, fetch(b, "session"));
    }
  }

  private static JsonObject store(CroquetClient client, String api) {
    int seen = client.count("stored");
    client.command("store " + BLOB_BYTES + " " + api);
    return client.awaitNth("stored", seen + 1);
  }

  /** Fetches the model's current handle; the result event comes after Croquet's retries (about 6 s) at most. */
  private static JsonObject fetch(CroquetClient client, String api) {
    int seen = client.count("fetched");
    client.command("fetch " + api);
    return client.awaitNth("fetched", seen + 1);
  }

  private static void assertSameBlob(JsonObject stored, JsonObject fetched) {
    assertTrue(fetched.get("ok").getAsBoolean(), fetched.toString());
    assertEquals(stored.get("id"), fetched.get("id"));
    assertEquals(BLOB_BYTES, fetched.get("bytes").getAsInt());
    assertEquals(stored.get("sha256"), fetched.get("sha256"));
  }

  /**
   * The one Data API blob in this server's files directory; Croquet puts it at
   * {@code apps/<appId>/<persistentId>/data/<hash>}.
   */
  private Path dataFile() throws IOException {
    try (Stream<Path> files = Files.walk(reflector.server().filesDir())) {
      List<Path> blobs = files.filter(Files::isRegularFile)
          .filter(file -> file.getParent().getFileName().toString().equals("data")).toList();
      assertEquals(1, blobs.size(), "data blobs: " + blobs);
      assertTrue(reflector.server().filesDir().relativize(blobs.get(0)).startsWith(Path.of("apps", "dev.flamingo.conformance")),
          blobs.get(0).toString());
      return blobs.get(0);
    }
  }

  /** Croquet names the blob after the SHA-256 of the encrypted bytes it uploaded: we stored them unchanged. */
  private static void assertContentAddressed(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertTrue(bytes.length > BLOB_BYTES, "encrypted blob of " + bytes.length + " bytes");
    assertEquals(file.getFileName().toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes)),
        "Croquet named the blob after the SHA-256 of what it uploaded: the bytes on disk are not those");
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
