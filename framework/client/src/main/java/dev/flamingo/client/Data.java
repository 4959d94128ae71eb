package dev.flamingo.client;

import dev.flamingo.client.internal.data.DataBlobs;
import dev.flamingo.client.internal.session.Controller;
import dev.flamingo.core.DataHandle;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A session's Data API (Croquet's {@code session.data}): a view stores bulk bytes, encrypted, on the files
 * server and gets a {@link DataHandle} small enough to publish to the model; views on every replica (late
 * joiners too, since models keep handles in their state) fetch the bytes back. Get it with
 * {@link Session#data()}, or in a view with {@code Session.of(this).data()}.
 *
 * <p>Thread rule: any thread except model code, which gets an {@link IllegalStateException} (a store or fetch
 * takes time and may fail differently on each replica). The futures complete on the thread that owns the
 * replica (the session thread, or in MANUAL the thread that steps), so view code can continue in
 * {@code thenAccept}; never block on them there, or the step that would complete them cannot run.
 */
public final class Data {

    private final Controller controller;

    Data(Controller controller) {
        this.controller = controller;
    }

    /** Stores {@code data} encrypted with the session key: only sessions with the same name and password read it. */
    public CompletableFuture<DataHandle> store(byte[] data) {
        return store(data, false);
    }

    /**
     * Encrypts {@code data} and uploads it to {@code apps/<appId>/<persistentId>/data/<hash>} on the files
     * server. A shareable blob gets its own random 256-bit key, carried in the handle, so any session holding
     * the handle can fetch it; otherwise the session key is used. The bytes are copied at once, so the caller
     * may reuse the array. The future fails with {@link DataTooLargeException} when the files server refuses
     * the size, or another {@link java.io.IOException} when the upload fails.
     *
     * @throws IllegalStateException when called from model code
     */
    public CompletableFuture<DataHandle> store(byte[] data, boolean shareable) {
        Objects.requireNonNull(data, "data");
        return controller.storeData(data.clone(), shareable);
    }

    /**
     * Downloads the blob (retrying after 100 ms, 1 s and 5 s, as Croquet does), checks it against the handle's
     * hash and decrypts it with the handle's key or the session key. The future fails with
     * {@link DataRejectedException} for bytes that were changed or do not decrypt (a wrong key, or a blob of a
     * session with another password), or another {@link java.io.IOException} when the download fails.
     *
     * @throws IllegalStateException when called from model code
     */
    public CompletableFuture<byte[]> fetch(DataHandle handle) {
        Objects.requireNonNull(handle, "handle");
        return controller.fetchData(handle);
    }

    /** SHA-256 of {@code bytes} in unpadded base64url (43 characters), as Croquet's {@code Data.hash}. */
    public static String hash(byte[] bytes) {
        return DataBlobs.hash(Objects.requireNonNull(bytes, "bytes"));
    }

    /** SHA-256 of {@code text}'s UTF-8 bytes in unpadded base64url (43 characters). */
    public static String hash(String text) {
        return hash(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }
}
