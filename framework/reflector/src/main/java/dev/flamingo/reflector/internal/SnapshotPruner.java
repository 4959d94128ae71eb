package dev.flamingo.reflector.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps the newest {@code keepSnapshots} snapshot files of one session and deletes the older ones, so a
 * session that snapshots every few seconds does not fill the disk. Older files are kept, not just the
 * current one, because a late joiner may still be downloading the snapshot its SYNC named. Only files an
 * accepted SNAP named, in this server's store and in Croquet's snapshot layout, are ever listed
 * ({@link FileStore#snapshotPath}); the list is part of the session state, so pruning carries on after a
 * restart and an expired session's files can be found. Owned by the session's executor; files are deleted
 * on the file threads.
 */
final class SnapshotPruner {
    private final Session session;
    private final SessionState st;
    private final SessionServices services;
    /** Paths handed to the deleter and not yet reported back, so none is handed over twice. */
    private final Set<String> deleting = new HashSet<>();

    SnapshotPruner(Session session, SessionServices services) {
        this.session = session;
        this.st = session.st;
        this.services = services;
    }

    /** Lists the file of an accepted SNAP that this server's store holds for the session. */
    void accepted(String url) {
        String path = FileStore.snapshotPath(url, session.id);
        if (path != null && !st.snapshotFiles.contains(path)) {
            st.snapshotFiles.addLast(path);
        }
    }

    /**
     * Deletes all but the newest files. Call only once the state naming the new snapshot is on disk: before
     * that, a crash would bring back a state whose snapshot had been deleted.
     */
    void prune() {
        List<String> doomed = new ArrayList<>();
        Iterator<String> oldest = st.snapshotFiles.iterator();
        for (int surplus = st.snapshotFiles.size() - services.config().keepSnapshots(); surplus > 0; surplus--) {
            String path = oldest.next();
            if (deleting.add(path)) {
                doomed.add(path);
            }
        }
        if (!doomed.isEmpty()) {
            services.snapshotDeleter().delete(files(doomed), gone -> forget(doomed, gone));
        }
    }

    /** The session expired: deletes every file it still lists. */
    void deleteAll() {
        services.snapshotDeleter().delete(files(new ArrayList<>(st.snapshotFiles)), gone -> { });
    }

    private SnapshotFiles files(List<String> paths) {
        return new SnapshotFiles(session.id, st.appId, st.persistentId, paths);
    }

    /**
     * Back on the session's executor, drops the deleted files from the list; the next compaction writes it.
     * Until then the state on disk still names them, and deleting them again after a crash is harmless.
     */
    private void forget(List<String> doomed, List<String> gone) {
        try {
            session.executor.execute(() -> session.guarded(null, () -> {
                deleting.removeAll(doomed);
                st.snapshotFiles.removeAll(gone);
            }));
        } catch (RejectedExecutionException stopping) {
            // The server is stopping; the state on disk still lists these files (see above).
        }
    }
}
