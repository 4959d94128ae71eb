package dev.flamingo.client.internal.data;

import dev.flamingo.client.DataRejectedException;
import dev.flamingo.client.DataTooLargeException;
import dev.flamingo.client.internal.crypto.Envelope;
import dev.flamingo.client.internal.crypto.Purpose;
import dev.flamingo.client.internal.crypto.RejectedEnvelopeException;
import dev.flamingo.client.internal.crypto.SessionKey;
import dev.flamingo.client.internal.files.FileStore;
import dev.flamingo.client.internal.files.FileTooLargeException;
import dev.flamingo.client.internal.ids.SessionIds;
import dev.flamingo.core.DataHandle;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Stores and fetches one session's Data API blobs (Croquet's {@code uploadEncrypted}/{@code downloadEncrypted}):
 * seals with the session key or a fresh key carried in the handle, names the blob by the SHA-256 of its
 * ciphertext, PUTs it to {@code apps/<appId>/<persistentId>/data/<hash>}; on fetch checks the hash, then opens
 * the envelope. Thread-safe; blocks, so call it off the session and view threads.
 */
public final class DataBlobs {

    /** The envelope context of shareable blobs: their key is theirs alone, so no session id is bound in. */
    private static final String SHAREABLE = "shareable";

    private final Envelope sessionEnvelope;
    private final FileStore files;
    private final SecureRandom random;
    private final String appId;
    private final String persistentId;

    /** Blobs of the session {@code persistentId} of {@code appId}, sealed under {@code sessionEnvelope}. */
    public DataBlobs(Envelope sessionEnvelope, FileStore files, SecureRandom random, String appId,
            String persistentId) {
        this.sessionEnvelope = sessionEnvelope;
        this.files = files;
        this.random = random;
        this.appId = appId;
        this.persistentId = persistentId;
    }

    /** Encrypts and uploads {@code data}; a shareable blob gets its own random 256-bit key. */
    public DataHandle store(byte[] data, boolean shareable) throws IOException {
        byte[] key = null;
        byte[] sealed;
        if (shareable) {
            key = new byte[32];
            random.nextBytes(key);
            sealed = new Envelope(SessionKey.ofBytes(key), random).seal(Purpose.DATA, SHAREABLE, data);
        } else {
            sealed = sessionEnvelope.seal(Purpose.DATA, persistentId, data);
        }
        DataHandle handle = DataHandle.of(appId, persistentId, hash(sealed), key);
        try {
            files.put(handle.path(), sealed);
        } catch (FileTooLargeException e) {
            throw new DataTooLargeException(data.length, sealed.length, e);
        }
        return handle;
    }

    /** Downloads (with the store's retries), checks the hash and decrypts. */
    public byte[] fetch(DataHandle handle) throws IOException {
        byte[] sealed = files.get(files.url(handle.path()));
        if (!hash(sealed).equals(handle.hash())) {
            throw new DataRejectedException(handle + ": the files server returned " + sealed.length
                    + " bytes that do not match the handle's hash; the blob was changed or replaced");
        }
        try {
            return handle.isShareable()
                    ? new Envelope(SessionKey.ofBytes(handle.key()), random).open(Purpose.DATA, SHAREABLE, sealed)
                    : sessionEnvelope.open(Purpose.DATA, handle.persistentId(), sealed);
        } catch (RejectedEnvelopeException e) {
            throw new DataRejectedException(handle + " does not decrypt: " + (handle.isShareable()
                    ? "the key in the handle is wrong" : "it was stored by a session with another password or "
                    + "name, and is not shareable") + " (" + e.getMessage() + ")");
        }
    }

    /** Unpadded base64url SHA-256, the blob's name. */
    public static String hash(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SessionIds.sha256(bytes));
    }
}
