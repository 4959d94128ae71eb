package dev.flamingo.reflector.internal;

/**
 * What every session shares with the server: settings, metrics, the registry, files, SAVE pointers and the
 * deleter of pruned snapshots. Any thread.
 */
record SessionServices(ReflectorConfig config, Metrics metrics, SessionRegistry registry, FileStore files,
                       PersistentPointers pointers, SnapshotDeleter snapshotDeleter) {
}
