package dev.flamingo.reflector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server configured by command-line flags, as operators run it, honours them. */
class MainIT {

    @Test
    void apiKeysFileAndFrameLimitFromTheCommandLineAreEnforced(@TempDir Path dir) throws IOException {
        Path keys = Files.writeString(dir.resolve("keys"), "# operators' keys\n\n  k1  \nk2\n");
        try (ReflectorServer server = Main.build(Main.parse(new String[] {"--port", "0", "--api-keys",
                keys.toString(), "--max-frame-bytes", "2048"})).start();
             TestClient unknown = TestClient.connect(server, "cli");
             TestClient comment = TestClient.connect(server, "cli");
             TestClient known = TestClient.connect(server, "cli")) {
            unknown.send(join("none"));
            assertEquals(4103, unknown.closeCode());
            comment.send(join("# operators' keys"));
            assertEquals(4103, comment.closeCode(), "comment lines are not keys");
            known.send(join("k1"));
            known.next("SYNC");
            assertEquals(200, Http.send(HttpRequest.newBuilder(server.httpUri().resolve("sessions"))
                    .header("Authorization", "Bearer k2").build()).statusCode());
            known.sendMessage("x".repeat(3000));
            assertEquals(1009, known.closeCode(), "a frame over --max-frame-bytes");
        }
    }

    private static String join(String apiKey) {
        return "{\"action\":\"JOIN\",\"args\":{\"version\":1,\"apiKey\":\"" + apiKey + "\",\"user\":\"u\"}}";
    }
}
