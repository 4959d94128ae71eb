package dev.flamingo.reflector.internal;

import java.util.List;

/**
 * Snapshot files of one session to delete (relative {@code /files} paths), with the app whose persistent
 * pointer must be spared. Immutable, any thread.
 */
record SnapshotFiles(String sessionId, String appId, String persistentId, List<String> paths) {
    SnapshotFiles {
        paths = List.copyOf(paths);
    }
}
