package dev.flamingo.reflector.internal;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sessions held in memory, each loaded from its journal on first use and bound to one event loop.
 * Reference counts (one per socket) and removal are decided under the map's per-key lock, so a session
 * is never unloaded while a socket is attaching and never loaded twice. Any thread.
 */
public final class SessionRegistry {
    private static final Logger LOG = System.getLogger(SessionRegistry.class.getName());
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,127}");
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final ReflectorConfig config;
    private final Metrics metrics;
    private final EventLoopGroup loops;
    private SessionServices services;

    public SessionRegistry(ReflectorConfig config, Metrics metrics, EventLoopGroup loops) {
        this.config = config;
        this.metrics = metrics;
        this.loops = loops;
    }

    void bind(SessionServices sessionServices) {
        this.services = sessionServices;
    }

    /** Session ids become directory names, so only URL-safe characters and no leading dot. */
    static boolean validId(String id) {
        return id != null && SESSION_ID.matcher(id).matches();
    }

    /** The session for {@code id} with one more reference, or null when the session limit is reached. */
    Session acquire(String id) {
        return sessions.compute(id, (key, existing) -> {
            Session s = existing != null ? existing : load(key);
            if (s != null) {
                s.refs++;
            }
            return s;
        });
    }

    void release(Session session) {
        sessions.computeIfPresent(session.id, (key, s) -> {
            if (s == session) {
                s.refs--;
            }
            return s;
        });
    }

    /** Removes {@code session} if no socket references it; the caller then releases its resources. */
    boolean tryRemove(Session session) {
        boolean[] removed = {false};
        sessions.computeIfPresent(session.id, (key, s) -> {
            if (s == session && s.refs == 0) {
                removed[0] = true;
                return null;
            }
            return s;
        });
        if (removed[0]) {
            metrics.sessions.decrementAndGet();
        }
        return removed[0];
    }

    private Session load(String id) {
        if (sessions.size() >= config.maxSessions()) {
            metrics.reject("too_many_sessions");
            return null;
        }
        Journal journal = Journal.NONE;
        SessionState state = null;
        if (config.durable()) {
            DiskJournal disk = new DiskJournal(sessionDir(id), config.fsyncAlways(), metrics);
            if (DiskJournal.exists(sessionDir(id))) {
                state = disk.load();
                LOG.log(Level.INFO, "session-load id={0} timeline={1} time={2} seq={3} retained={4}", id,
                        state.timeline, String.valueOf(state.time), Integer.toUnsignedString(state.seq),
                        String.valueOf(state.messages.size()));
            }
            journal = disk;
        }
        metrics.sessions.incrementAndGet();
        return new Session(id, loops.next(), services, journal, state);
    }

    private Path sessionDir(String id) {
        return config.dataDir().resolve("sessions").resolve(id);
    }

    List<Session> all() {
        return new ArrayList<>(sessions.values());
    }

    int size() {
        return sessions.size();
    }

    /** Forces every journal to disk (interval fsync policy). */
    void forceAll() {
        for (Session s : sessions.values()) {
            s.journal().force();
        }
    }

    /** Drops memory-only sessions and deletes stored sessions that nobody used for the retention period. */
    void sweep() {
        long now = System.currentTimeMillis();
        for (Session s : all()) {
            s.executor.execute(() -> s.expireIfUnused(now));
        }
        if (!config.durable()) {
            return;
        }
        Path root = config.dataDir().resolve("sessions");
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.forEach(dir -> expireStored(dir, now));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "retention sweep failed in " + root, e);
        }
    }

    /** Deletes a stored session unused for the retention period, then the snapshot files it lists. */
    private void expireStored(Path dir, long now) {
        String id = dir.getFileName().toString();
        if (sessions.containsKey(id) || lastModified(dir) >= now - config.retentionMs()) {
            return;
        }
        // Read before taking the map's lock: a big state.json would hold up event loops acquiring sessions.
        SnapshotFiles files = storedSnapshotFiles(dir);
        boolean[] expired = {false};
        sessions.compute(id, (key, live) -> {
            if (live == null && lastModified(dir) < now - config.retentionMs()) {
                new DiskJournal(dir, false, metrics).delete();
                LOG.log(Level.INFO, "session-expired id={0}", id);
                expired[0] = true;
            }
            return live;
        });
        if (expired[0] && files != null) {
            services.snapshotDeleter().deleteNow(files);
        }
    }

    /** A state that cannot be read still expires; its snapshot files are then left behind, and logged. */
    private static SnapshotFiles storedSnapshotFiles(Path dir) {
        try {
            return DiskJournal.storedSnapshotFiles(dir);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the snapshot files of expiring session " + dir, e);
            return null;
        }
    }

    private static long lastModified(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(SessionRegistry::mtime).max(Long::compare).orElse(0L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long mtime(Path p) {
        try {
            FileTime t = Files.getLastModifiedTime(p);
            return t.toMillis();
        } catch (IOException e) {
            return 0L;
        }
    }
}
