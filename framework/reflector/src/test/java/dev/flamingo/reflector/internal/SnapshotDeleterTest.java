package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotDeleterTest {
    private static final String DIR = "apps/app/snap/c/p.s/";

    @TempDir
    Path root;

    @Test
    void deletesSparesThePersistedFileAndCountsMissingOnesAsGone() throws IOException {
        FileStore store = new FileStore(root);
        for (String name : List.of("1", "2", "3")) {
            store.put(store.resolve(DIR + name), "x".getBytes(StandardCharsets.UTF_8));
        }
        PersistentPointers pointers = new PersistentPointers(null);
        pointers.put("app", "p", "http://h:1/files/" + DIR + "2");
        Metrics metrics = new Metrics();
        SnapshotDeleter deleter = new SnapshotDeleter(store, pointers, metrics, Runnable::run);
        List<String> gone = deleter.deleteNow(new SnapshotFiles("s", "app", "p",
                List.of(DIR + "1", DIR + "2", DIR + "missing")));
        assertEquals(List.of(DIR + "1", DIR + "2", DIR + "missing"), gone, "all three need no more tracking");
        assertFalse(Files.exists(root.resolve(DIR + "1")));
        assertTrue(Files.exists(root.resolve(DIR + "2")), "the SAVE pointer names it");
        assertEquals(1, metrics.snapshotFilesPruned.sum());
    }

    @Test
    void aFileThatCannotBeDeletedStaysListed() throws IOException {
        FileStore store = new FileStore(root);
        Files.createDirectories(root.resolve(DIR + "stuck/inside"));
        Metrics metrics = new Metrics();
        SnapshotDeleter deleter = new SnapshotDeleter(store, new PersistentPointers(null), metrics, Runnable::run);
        assertEquals(List.of(), deleter.deleteNow(new SnapshotFiles("s", null, null, List.of(DIR + "stuck"))));
        assertEquals(0, metrics.snapshotFilesPruned.sum());
    }
}
