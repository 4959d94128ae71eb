package dev.flamingo.client.it;

import static dev.flamingo.client.it.Fixture.on;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.DataRejectedException;
import dev.flamingo.client.DataTooLargeException;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.client.SessionProblem;
import dev.flamingo.client.internal.files.HttpFileStore;
import dev.flamingo.core.DataHandle;
import dev.flamingo.core.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The Data API against a real reflector and its files server: a view stores, the model keeps the handle, other
 * replicas' views (a late joiner from the snapshot too) fetch the same bytes; shareable handles open in another
 * session; wrong keys, changed blobs and oversize data fail clearly; model code may not call it.
 */
class DataIT {

    private static final Registry REGISTRY = Registry.builder().register("it.Gallery", GalleryModel.class).build();

    @AutoClose
    private final Fixture fixture = new Fixture(null);

    private JoinParameters.Builder params(String name) {
        return fixture.params(name).registry(REGISTRY).model(GalleryModel.class)
                .view((model, options) -> new GalleryView(model));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private static DataHandle share(Session s, byte[] bytes, boolean shareable) throws Exception {
        CompletableFuture<DataHandle> stored = on(s, () -> ((GalleryView) s.view()).share(bytes, shareable));
        return stored.get(20, TimeUnit.SECONDS);
    }

    private static byte[] fetch(Session s, DataHandle handle) throws Exception {
        return s.data().fetch(handle).get(20, TimeUnit.SECONDS);
    }

    /** The failure of {@code future}, which must fail. */
    private static Throwable failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
        return e.getCause();
    }

    /** The model's handles once it holds {@code n} of them, read on the session's thread. */
    private static List<DataHandle> awaitHandles(Session s, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<DataHandle> handles;
        while ((handles = on(s, () -> ((GalleryModel) s.model()).handles())).size() < n) {
            assertTrue(System.nanoTime() < deadline, "model holds " + handles.size() + " handles, expected " + n);
            Thread.sleep(10);
        }
        return handles;
    }

    @Test
    void aViewStoresAndAnotherReplicasViewFetchesTheSameBytes() throws Exception {
        Session a = fixture.join(params("gallery"));
        Session b = fixture.join(params("gallery"));
        byte[] picture = randomBytes(300_000);
        DataHandle handle = share(a, picture, false);
        assertEquals(List.of(handle), awaitHandles(b, 1));
        assertArrayEquals(picture, on(b, () -> ((GalleryView) b.view()).fetch(handle)).get(20, TimeUnit.SECONDS));
        Path blob = fixture.server.filesDir().resolve(handle.path());
        byte[] sealed = Files.readAllBytes(blob);
        assertEquals(picture.length + 32, sealed.length, "FLG1 header, IV and tag around the ciphertext");
        assertFalse(new String(sealed, 0, 1000, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(new String(picture, 0, 16, java.nio.charset.StandardCharsets.ISO_8859_1)));
        // Content-addressed: a retried upload of the same bytes succeeds.
        new HttpFileStore(fixture.server.httpUri().resolve("files/")).put(handle.path(), sealed);
        assertTrue(fixture.problems.isEmpty(), fixture.problems.toString());
    }

    @Test
    void aLateJoinerFetchesAHandleItReadFromTheSnapshot() throws Exception {
        fixture.server.close();
        fixture.start(b -> b.backlogLimits(3, 100_000)); // the reflector asks for a snapshot after 3 messages
        Session a = fixture.join(params("late-gallery"));
        byte[] first = randomBytes(5_000);
        DataHandle handle = share(a, first, false);
        for (int i = 0; i < 4; i++) {
            share(a, randomBytes(10 + i), false);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!snapshotUploaded()) {
            assertTrue(System.nanoTime() < deadline, "no snapshot uploaded within 20 s");
            Thread.sleep(20);
        }
        Session late = fixture.join(params("late-gallery"));
        assertEquals(handle, awaitHandles(late, 5).get(0));
        assertArrayEquals(first, fetch(late, handle));
    }

    private boolean snapshotUploaded() throws Exception {
        try (Stream<Path> files = Files.walk(fixture.server.filesDir())) {
            return files.anyMatch(p -> p.toString().contains("/snap/") && Files.isRegularFile(p));
        }
    }

    @Test
    void aShareableHandleOpensInASessionWithAnotherPasswordAndAPrivateOneDoesNot() throws Exception {
        Session a = fixture.join(params("owner"));
        Session other = fixture.join(params("stranger").password("another password"));
        byte[] bytes = randomBytes(20_000);
        DataHandle shareable = share(a, bytes, true);
        assertTrue(shareable.isShareable());
        assertArrayEquals(bytes, fetch(other, DataHandle.fromId(shareable.toId())));
        DataHandle private_ = share(a, bytes, false);
        Throwable refused = failure(other.data().fetch(private_));
        assertInstanceOf(DataRejectedException.class, refused);
        assertTrue(refused.getMessage().contains("stored by a session with another password"), refused.getMessage());
        byte[] wrongKey = shareable.key();
        wrongKey[0] ^= 1;
        DataHandle forged = DataHandle.of(shareable.appId(), shareable.persistentId(), shareable.hash(), wrongKey);
        Throwable wrong = failure(a.data().fetch(forged));
        assertInstanceOf(DataRejectedException.class, wrong);
        assertTrue(wrong.getMessage().contains("the key in the handle is wrong"), wrong.getMessage());
    }

    @Test
    void aBlobChangedOnTheFilesServerIsRejected() throws Exception {
        Session a = fixture.join(params("tamper"));
        DataHandle handle = share(a, randomBytes(1_000), false);
        Path blob = fixture.server.filesDir().resolve(handle.path());
        byte[] sealed = Files.readAllBytes(blob);
        sealed[sealed.length / 2] ^= 1;
        Files.write(blob, sealed);
        Throwable refused = failure(a.data().fetch(handle));
        assertInstanceOf(DataRejectedException.class, refused);
        assertTrue(refused.getMessage().contains("do not match the handle's hash"), refused.getMessage());
    }

    @Test
    void dataOverTheFilesServersLimitFailsClearly() throws Exception {
        fixture.server.close();
        fixture.start(b -> b.maxFileBytes(64 * 1024));
        Session a = fixture.join(params("big"));
        Throwable refused = failure(a.data().store(randomBytes(100_000)));
        assertInstanceOf(DataTooLargeException.class, refused);
        assertTrue(refused.getMessage().startsWith("data of 100000 bytes (100032 encrypted) is larger than the files "
                + "server accepts"), refused.getMessage());
        byte[] small = randomBytes(60_000);
        assertArrayEquals(small, fetch(a, a.data().store(small).get(20, TimeUnit.SECONDS)));
    }

    @Test
    void modelCodeCannotStoreData() throws Exception {
        Session a = fixture.join(params("misuse"));
        GalleryModel.misuse = a.data();
        on(a, () -> {
            ((GalleryView) a.view()).misuse();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (fixture.problems.stream().noneMatch(p -> p instanceof SessionProblem.HandlerFailed)) {
            assertTrue(System.nanoTime() < deadline, "the misusing handler never failed: " + fixture.problems);
            Thread.sleep(10);
        }
        SessionProblem.HandlerFailed failed = (SessionProblem.HandlerFailed) fixture.problems.get(0);
        assertInstanceOf(IllegalStateException.class, failed.cause());
        assertTrue(failed.cause().getMessage().startsWith("data().store called from model code"),
                failed.cause().getMessage());
    }
}
