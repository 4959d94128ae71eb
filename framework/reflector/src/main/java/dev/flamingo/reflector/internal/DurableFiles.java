package dev.flamingo.reflector.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * File operations that survive a power loss once they return: contents are forced before a file is given
 * its name, and the directory is forced after a name is added, replaced or removed. Forcing a file alone
 * is not enough on Linux: a rename or a new entry lives in the directory, and until the directory is
 * forced a crash can bring back the old name, or no name at all, over contents that did reach the disk.
 * Any thread.
 */
final class DurableFiles {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");

    private DurableFiles() {
    }

    /** Creates {@code dir} and any missing parents, forcing each parent that gained an entry. */
    static Path createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        Files.createDirectories(dir);
        for (Path created : missing) {
            forceDirectory(created.getParent());
        }
        return dir;
    }

    /** Replaces {@code target} with {@code bytes}: readers and a crash see the old file or the new one. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        writeForced(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.getParent());
    }

    /**
     * Makes {@code file} hold exactly {@code bytes}, forced to disk (not its name: see {@link #forceDirectory}).
     */
    static void writeForced(Path file, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    /** Forces the entries of {@code dir} (names added, renamed or removed) to disk. */
    static void forceDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            // Windows cannot open a directory as a channel; NTFS journals its metadata itself.
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
