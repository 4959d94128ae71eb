package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
    @TempDir
    Path root;

    @Test
    void createsEveryMissingParent() throws IOException {
        Path deep = root.resolve("a/b/c");
        assertEquals(deep, DurableFiles.createDirectories(deep));
        assertTrue(Files.isDirectory(deep));
        DurableFiles.createDirectories(deep);
    }

    @Test
    void writeAtomicallyCreatesThenReplacesAndLeavesNoTemporaryFile() throws IOException {
        Path target = root.resolve("state.json");
        DurableFiles.writeAtomically(target, bytes("first"));
        DurableFiles.writeAtomically(target, bytes("second, longer"));
        assertArrayEquals(bytes("second, longer"), Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(root)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void forcingAMissingDirectoryFailsLoudly() {
        assertThrows(NoSuchFileException.class, () -> DurableFiles.forceDirectory(root.resolve("missing")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
