package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
    @TempDir
    Path root;

    @Test
    void refusesTraversalHiddenAndEmptySegments() throws IOException {
        FileStore store = new FileStore(root);
        for (String bad : new String[] {"../x", "a/../../x", ".hidden", "a//b", "", "a/", "a\\b", "a/./b"}) {
            assertNull(store.resolve(bad), bad);
        }
        assertNotNull(store.resolve("apps/io.croquet.x/snap/abc/p.sid/0000000100_5.hash"));
    }

    @Test
    void writeOnceWithIdempotentRetry() throws IOException {
        FileStore store = new FileStore(root);
        Path f = store.resolve("a/b");
        assertEquals(FileStore.PutResult.CREATED, store.put(f, bytes("one")));
        assertEquals(FileStore.PutResult.UNCHANGED, store.put(f, bytes("one")));
        assertEquals(FileStore.PutResult.CONFLICT, store.put(f, bytes("two")));
    }

    @Test
    void snapshotMustBeHeldForTheSessionOnThisAuthority() throws IOException {
        FileStore store = new FileStore(root);
        store.put(store.resolve("apps/a/snap/c/p.sid1/1_1.h"), bytes("x"));
        assertTrue(store.holdsForSession("http://h:1/files/apps/a/snap/c/p.sid1/1_1.h", "sid1", "h:1"));
        assertFalse(store.holdsForSession("http://h:1/files/apps/a/snap/c/p.sid1/1_1.h", "sid2", "h:1"));
        assertFalse(store.holdsForSession("http://evil:1/files/apps/a/snap/c/p.sid1/1_1.h", "sid1", "h:1"));
        assertFalse(store.holdsForSession("http://h:1/files/apps/a/snap/c/p.sid1/2_2.h", "sid1", "h:1"));
        assertFalse(store.holdsForSession("not a url", "sid1", "h:1"));
    }

    /**
     * A segment merely containing the session id is not the session's: session "sid" must not take the
     * snapshot of session "sid1", nor session "snap" (or "a", the app) every file below such a directory.
     */
    @Test
    void aSessionWhoseIdIsPartOfAnothersDoesNotOwnItsSnapshots() throws IOException {
        FileStore store = new FileStore(root);
        store.put(store.resolve("apps/a/snap/c/p.sid1/1_1.h"), bytes("x"));
        String url = "http://h:1/files/apps/a/snap/c/p.sid1/1_1.h";
        for (String other : new String[] {"sid", "id1", "p", "snap", "a", "1_1.h"}) {
            assertFalse(store.holdsForSession(url, other, "h:1"), other);
        }
        store.put(store.resolve("apps/a/sid1/1"), bytes("x"));
        assertTrue(store.holdsForSession("http://h:1/files/apps/a/sid1/1", "sid1", "h:1"), "a directory named the id");
    }

    @Test
    void onlyCroquetsSnapshotLayoutIsPrunable() {
        assertEquals("apps/a/snap/c/p.sid1/1_1.h", FileStore.snapshotPath("http://h:1/files/apps/a/snap/c/p.sid1/1_1.h", "sid1"));
        assertEquals("x/snap/sid1/1", FileStore.snapshotPath("http://h:1/files/x/snap/sid1/1", "sid1"));
        for (String url : new String[] {"http://h:1/files/apps/a/snap/c/p.sid12/1_1.h", "http://h:1/files/apps/a/snap/c/psid1/1",
            "http://h:1/files/apps/a/p.sid1/save/h", "http://h:1/files/apps/a/p.sid1/data/h",
            "http://h:1/files/apps/a/snap/p.sid1/data/h", "http://h:1/files/apps/a/c/p.sid1/1_1.h",
            "http://h:1/files/snap/p.sid1", "http://h:1/nofiles/apps/a/snap/c/p.sid1/1", "not a url"}) {
            assertNull(FileStore.snapshotPath(url, "sid1"), url);
        }
    }

    @Test
    void deleteOfAMissingOrRefusedPathIsNoSuchFile() throws IOException {
        FileStore store = new FileStore(root);
        store.put(store.resolve("a/b"), bytes("x"));
        store.delete("a/b");
        assertFalse(Files.exists(root.resolve("a/b")));
        assertThrows(NoSuchFileException.class, () -> store.delete("a/b"));
        assertThrows(NoSuchFileException.class, () -> store.delete("../outside"));
    }

    @Test
    void aDirectoryEmptiedByADeleteGoesWithItsLastFileButNeverTheRoot() throws IOException {
        FileStore store = new FileStore(root);
        store.put(store.resolve("snap/s1/one"), bytes("1"));
        store.put(store.resolve("snap/s1/two"), bytes("2"));
        store.put(store.resolve("top"), bytes("t"));
        store.delete("snap/s1/one");
        assertTrue(Files.isDirectory(root.resolve("snap/s1")), "another file still lives there");
        store.delete("snap/s1/two");
        assertFalse(Files.exists(root.resolve("snap/s1")));
        assertTrue(Files.isDirectory(root.resolve("snap")), "only the file's own directory is removed");
        store.delete("top");
        assertTrue(Files.isDirectory(root));
        assertEquals(FileStore.PutResult.CREATED, store.put(store.resolve("snap/s1/three"), bytes("3")),
                "a later upload re-creates the directory");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
