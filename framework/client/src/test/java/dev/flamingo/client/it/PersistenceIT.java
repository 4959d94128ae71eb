package dev.flamingo.client.it;

import static dev.flamingo.client.it.Fixture.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.client.internal.crypto.Envelope;
import dev.flamingo.client.internal.crypto.Purpose;
import dev.flamingo.client.internal.crypto.SessionKey;
import dev.flamingo.core.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** persistSession: data saved by one code version reaches the next version's root init. */
class PersistenceIT {

    @TempDir
    Path dataDir;
    private Fixture fixture;

    @BeforeEach
    void start() {
        fixture = new Fixture(dataDir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private JoinParameters.Builder params(int version) {
        Registry registry = Registry.builder().register("it.Notes", NotesModel.class).constant("version", version).build();
        return fixture.params("notes").registry(registry).model(NotesModel.class)
                .view((model, options) -> new NotesView(model));
    }

    /**
     * The reflector has taken the SAVE: its pointer file exists. Waiting for the uploaded blob instead raced the
     * SAVE frame that follows the upload, so a quick second join could find nothing persisted yet.
     */
    private boolean saved() throws Exception {
        Path pointers = dataDir.resolve("persist");
        if (!Files.isDirectory(pointers)) {
            return false;
        }
        try (Stream<Path> files = Files.list(pointers)) {
            return files.anyMatch(p -> p.toString().endsWith(".json"));
        }
    }

    /**
     * The persisted blob's name (also its vote's hash) must not be the plain SHA-256 of the data: the files
     * server could confirm guessed data by hashing it.
     */
    private void assertSavedUnderAKeyedName(Session s) throws Exception {
        Path file;
        try (Stream<Path> files = Files.walk(fixture.server.filesDir())) {
            file = files.filter(p -> p.toString().contains("/save/") && Files.isRegularFile(p)).findFirst()
                    .orElseThrow();
        }
        Envelope envelope = new Envelope(SessionKey.derive("correct horse", s.persistentId()), new SecureRandom());
        byte[] data = envelope.open(Purpose.PERSISTED, s.persistentId(), Files.readAllBytes(file));
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        String name = file.getFileName().toString();
        assertNotEquals(plain, name, "the persisted blob's name is the SHA-256 of its plaintext");
        assertEquals(envelope.keyedHash(Purpose.PERSISTED, s.persistentId(), plain), name);
    }

    @Test
    void newCodeVersionStartsFromPersistedData() throws Exception {
        Session v1 = fixture.join(params(1));
        on(v1, () -> {
            ((NotesView) v1.view()).add("first");
            ((NotesView) v1.view()).add("second");
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!saved()) {
            assertTrue(System.nanoTime() < deadline, "nothing persisted within 20 s");
            Thread.sleep(20);
        }
        assertSavedUnderAKeyedName(v1);
        Session v2 = fixture.join(params(2));
        assertNotEquals(v1.id(), v2.id());
        assertEquals(v1.persistentId(), v2.persistentId());
        List<String> restored = on(v2, () -> ((NotesModel) v2.model()).notes());
        assertTrue(restored.equals(List.of("first")) || restored.equals(List.of("first", "second")),
                "restored " + restored);
    }
}
