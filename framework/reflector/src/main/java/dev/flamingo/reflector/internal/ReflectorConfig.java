package dev.flamingo.reflector.internal;

import dev.flamingo.reflector.Transport;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Validated, immutable reflector settings; built only by {@code ReflectorServer.Builder}. Any thread.
 *
 * @param host bind address, honoured exactly
 * @param port TCP port, 0 for a free one
 * @param dataDir where sessions and files live, or null for memory-only sessions and a temp files dir
 * @param apiKeys accepted JOIN apiKeys, or null to accept any key (Croquet's standalone behaviour)
 * @param fsyncAlways force the journal to disk before every relay (slow, survives power loss)
 * @param fsyncIntervalMs when not always, force dirty journals this often; 0 = leave it to the OS
 * @param retentionMs how long a session nobody uses is kept on disk or in memory
 * @param unloadDelayMs how long an empty session stays in memory before it is persisted and unloaded
 * @param restartGraceMs after a restart, how long users that were present wait for their clients to reconnect
 * @param idleTimeoutMs a socket silent this long is closed with 4002
 * @param joinTimeoutMs a socket without JOIN this long is closed with 4121
 * @param maxFrameBytes largest incoming WebSocket message
 * @param maxMessagesPerSecond per-connection incoming frame rate (burst = one second's worth)
 * @param maxBufferedBytes outbound bytes queued for one client before it is dropped as too slow
 * @param maxConnectionsPerIp concurrent sockets per remote address
 * @param maxSessions sessions held in memory
 * @param maxFileBytes largest file accepted by PUT /files/...
 * @param requThreshold retained messages from which REQU asks clients for a snapshot
 * @param maxRetainedMessages retained messages from which client messages are refused
 * @param chunkChars outbound frames longer than this many chars are split into _CHUNK frames
 * @param requireLocalSnapshots accept SNAP only for a file this server's /files holds for the session
 * @param keepSnapshots snapshot files kept per session in this server's /files; older ones are deleted
 * @param archiveMessages keep the messages each accepted SNAP prunes, under the session's data directory
 * @param ioThreads Netty worker threads (sessions are spread over them)
 * @param heraldPrefixes a JOIN's heraldUrl is used only if it starts with one of these; empty = heralding off
 * @param transport the requested socket transport ({@link Transport#AUTO} picks the best available)
 */
public record ReflectorConfig(
        String host, int port, Path dataDir, Set<String> apiKeys,
        boolean fsyncAlways, long fsyncIntervalMs, long retentionMs, long unloadDelayMs, long restartGraceMs,
        long idleTimeoutMs, long joinTimeoutMs, int maxFrameBytes, int maxMessagesPerSecond,
        int maxBufferedBytes, int maxConnectionsPerIp, int maxSessions, int maxFileBytes,
        int requThreshold, int maxRetainedMessages, int chunkChars, boolean requireLocalSnapshots,
        int keepSnapshots, boolean archiveMessages, int ioThreads, List<String> heraldPrefixes, Transport transport) {

    /** True when sessions are journalled under {@link #dataDir()}. */
    public boolean durable() {
        return dataDir != null;
    }
}
