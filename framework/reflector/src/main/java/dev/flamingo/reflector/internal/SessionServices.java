package dev.flamingo.reflector.internal;

/** What every session shares with the server: settings, metrics, the registry, files and SAVE pointers. Any thread. */
record SessionServices(ReflectorConfig config, Metrics metrics, SessionRegistry registry, FileStore files,
                       PersistentPointers pointers) {
}
