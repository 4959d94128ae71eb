package dev.flamingo.reflector;

/**
 * When the session journal is forced from the OS page cache to the disk. Every policy writes a message
 * to the OS before it is relayed, so a killed or crashed reflector process (kill -9, OOM) never loses a
 * message any client has seen; the policies differ only for a machine crash or power loss. Any thread.
 */
public enum FsyncPolicy {
    /** Never force: fastest; a power loss can lose the last few seconds the OS had not written back. */
    NEVER,
    /** Force dirty journals every interval (default 1 s) from a background thread: bounded loss on power failure. */
    INTERVAL,
    /** Force before every relay: no loss even on power failure, at a large cost in latency and throughput. */
    ALWAYS
}
