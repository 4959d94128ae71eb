package dev.flamingo.client.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.Data;
import dev.flamingo.client.DataRejectedException;
import dev.flamingo.client.internal.crypto.Envelope;
import dev.flamingo.client.internal.crypto.SessionKey;
import dev.flamingo.client.internal.files.MemoryFileStore;
import dev.flamingo.core.DataHandle;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sealing, naming and opening blobs, with two sessions sharing one in-memory files store. */
class DataBlobsTest {

    private static final String PID_A = "a".repeat(43);
    private static final String PID_B = "b".repeat(43);

    private final SecureRandom random = new SecureRandom();
    private final MemoryFileStore files = new MemoryFileStore();
    private final DataBlobs a = blobs((byte) 1, PID_A);
    private final DataBlobs b = blobs((byte) 2, PID_B);

    private DataBlobs blobs(byte keyByte, String persistentId) {
        byte[] key = new byte[32];
        Arrays.fill(key, keyByte);
        return new DataBlobs(new Envelope(SessionKey.ofBytes(key), random), files, random, "com.example.app",
                persistentId);
    }

    @Test
    void aBlobIsNamedByTheHashOfItsCiphertextAndOpensForItsSession() throws Exception {
        byte[] data = "hello, data".getBytes();
        DataHandle handle = a.store(data, false);
        byte[] sealed = files.get(files.url(handle.path()));
        assertEquals(DataBlobs.hash(sealed), handle.hash());
        assertEquals("apps/com.example.app/" + PID_A + "/data/" + handle.hash(), handle.path());
        assertArrayEquals(data, a.fetch(handle));
        assertNotEquals(handle, a.store(data, false), "a fresh IV per store, so a fresh name");
    }

    @Test
    void onlyShareableBlobsOpenInAnotherSession() throws Exception {
        byte[] data = {9, 8, 7};
        assertArrayEquals(data, b.fetch(a.store(data, true)));
        DataRejectedException e = assertThrows(DataRejectedException.class, () -> b.fetch(a.store(data, false)));
        assertTrue(e.getMessage().contains("stored by a session with another password"), e.getMessage());
    }

    @Test
    void hashIsCroquetsBase64UrlSha256() {
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", Data.hash("abc"));
    }
}
