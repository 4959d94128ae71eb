package dev.flamingo.reflector.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The write-once file area behind {@code /files/...}: Croquet clients PUT snapshots and persistent data
 * here and late joiners GET them. Paths are checked segment by segment (no {@code ..}, no hidden names,
 * a conservative character set) and always resolve inside the root. An existing file is never replaced:
 * a PUT of identical bytes is an idempotent retry, different bytes are refused, so no session can
 * overwrite another's snapshot; only superseded or expired snapshots are deleted ({@link SnapshotPruner}).
 * Any thread (publication is an atomic hard link).
 */
final class FileStore {
    /** Outcome of a PUT. */
    enum PutResult { CREATED, UNCHANGED, CONFLICT }

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_~@=+,-][A-Za-z0-9._~@=+,-]{0,254}");
    private static final int MAX_SEGMENTS = 16;
    private final Path root;

    FileStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    /** The file for a decoded relative path such as {@code apps/x/snap/y}, or null if the path is refused. */
    Path resolve(String relative) {
        String[] segments = relative.split("/", -1);
        if (segments.length == 0 || segments.length > MAX_SEGMENTS
                || !Arrays.stream(segments).allMatch(s -> SEGMENT.matcher(s).matches())) {
            return null;
        }
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) && !file.equals(root) ? file : null;
    }

    /** Stores {@code bytes} at {@code file} unless a different file is already there. */
    PutResult put(Path file, byte[] bytes) throws IOException {
        if (Files.exists(file)) {
            return Arrays.equals(Files.readAllBytes(file), bytes) ? PutResult.UNCHANGED : PutResult.CONFLICT;
        }
        Path tmp = createTempBeside(file);
        try {
            // Forced before the 201: a SNAP naming this file drops the messages it replaces from the journal.
            DurableFiles.writeForced(tmp, bytes);
            // A hard link fails atomically if the name exists, so two racing PUTs cannot both win.
            Files.createLink(file, tmp);
            DurableFiles.forceDirectory(file.getParent());
            return PutResult.CREATED;
        } catch (FileAlreadyExistsException raced) {
            return Arrays.equals(Files.readAllBytes(file), bytes) ? PutResult.UNCHANGED : PutResult.CONFLICT;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A temporary file in {@code file}'s directory, created first if need be. A delete can remove that
     * directory as soon as it is empty ({@link #delete}), also between creating it and the temporary file,
     * so that is retried once.
     */
    private static Path createTempBeside(Path file) throws IOException {
        for (int attempt = 1; ; attempt++) {
            DurableFiles.createDirectories(file.getParent());
            try {
                return Files.createTempFile(file.getParent(), ".put-", ".tmp");
            } catch (NoSuchFileException removedMeanwhile) {
                if (attempt == 2) {
                    throw removedMeanwhile;
                }
            }
        }
    }

    /**
     * True if {@code url} names a file under {@code /files/} that exists here, in a directory named for
     * {@code sessionId} (Croquet uploads to {@code .../<persistentId>.<sessionId>/<time>_<seq>.<hash>}), and
     * whose host is the one the client reached this server by (so a SNAP cannot point late joiners at a
     * look-alike path on another server). The directory must name the session exactly: a segment merely
     * containing the id would give session {@code s} the snapshots of every session whose id contains an s.
     */
    boolean holdsForSession(String url, String sessionId, String authority) {
        if (!sameAuthority(url, authority)) {
            return false;
        }
        String relative = relativeFromUrl(url);
        if (relative == null) {
            return false;
        }
        Path file = resolve(relative);
        String[] segments = relative.split("/", -1);
        return file != null && segments.length >= 2 && namesSession(segments[segments.length - 2], sessionId)
                && Files.isRegularFile(file);
    }

    /** {@code <sessionId>} or {@code <persistentId>.<sessionId>}. */
    private static boolean namesSession(String directory, String sessionId) {
        return directory.equals(sessionId) || directory.endsWith("." + sessionId);
    }

    /**
     * The relative path {@code url} names if it is a snapshot of {@code sessionId} in Croquet's layout,
     * {@code .../snap/.../<persistentId>.<sessionId>/<file>}; null otherwise. Only such files are ever pruned:
     * persisted data ({@code .../save/...}) and Data API blobs ({@code .../data/...}) may be shared across
     * sessions and named from inside encrypted snapshots, which the reflector cannot read.
     */
    static String snapshotPath(String url, String sessionId) {
        String relative = relativeFromUrl(url);
        if (relative == null) {
            return null;
        }
        List<String> segments = List.of(relative.split("/", -1));
        int n = segments.size();
        boolean sessionDir = n >= 3 && namesSession(segments.get(n - 2), sessionId);
        return sessionDir && segments.subList(0, n - 2).contains("snap") ? relative : null;
    }

    /**
     * Deletes the file at a relative path, and its directory if that is left empty (an expired session's
     * snapshot directory would otherwise stay forever); {@link NoSuchFileException} if the file is not there.
     */
    void delete(String relative) throws IOException {
        Path file = resolve(relative);
        if (file == null) {
            throw new NoSuchFileException(relative, null, "refused path");
        }
        Files.delete(file);
        Path dir = file.getParent();
        if (!dir.equals(root)) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException | NoSuchFileException stillUsed) {
                // Other files live there, or a concurrent delete took it first: either way it stays as it is.
            }
        }
    }

    private static boolean sameAuthority(String url, String authority) {
        try {
            String a = URI.create(url).getRawAuthority();
            return a != null && a.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String relativeFromUrl(String url) {
        try {
            String path = URI.create(url).getRawPath();
            int at = path == null ? -1 : path.indexOf("/files/");
            return at < 0 ? null : URLDecoder.decode(path.substring(at + 7), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Path root() {
        return root;
    }
}
