package dev.flamingo.reflector.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Deletes snapshot files from the file store on the file I/O threads, never on an event loop: a session's
 * superseded snapshots and an expired session's. A file that is already gone counts as deleted; any other
 * failure is logged and the file stays listed, to be tried again. The file the app's persistent pointer
 * names is never deleted. Any thread.
 */
final class SnapshotDeleter {
    private static final Logger LOG = System.getLogger(SnapshotDeleter.class.getName());
    private final FileStore files;
    private final PersistentPointers pointers;
    private final Metrics metrics;
    private final Executor fileIo;

    SnapshotDeleter(FileStore files, PersistentPointers pointers, Metrics metrics, Executor fileIo) {
        this.files = files;
        this.pointers = pointers;
        this.metrics = metrics;
        this.fileIo = fileIo;
    }

    /** Deletes on a file thread, then hands {@code gone} the paths no longer there (from that thread). */
    void delete(SnapshotFiles doomed, Consumer<List<String>> gone) {
        try {
            fileIo.execute(() -> gone.accept(deleteNow(doomed)));
        } catch (RejectedExecutionException stopping) {
            // The server is stopping; the session state still lists the files, so they go next time.
        }
    }

    /** Deletes on the calling thread (a file thread); returns the paths no longer there. */
    List<String> deleteNow(SnapshotFiles doomed) {
        String spared;
        try {
            spared = persistedPath(doomed);
        } catch (RuntimeException e) {
            // Unsure which file the pointer names: deleting nothing is the only safe choice.
            LOG.log(Level.WARNING, "snapshot-prune-skipped session=" + doomed.sessionId()
                    + ": cannot read the persistent pointer", e);
            return List.of();
        }
        List<String> gone = new ArrayList<>();
        for (String path : doomed.paths()) {
            if (path.equals(spared) || deleted(doomed.sessionId(), path)) {
                gone.add(path);
            }
        }
        return gone;
    }

    private boolean deleted(String sessionId, String path) {
        try {
            files.delete(path);
            metrics.snapshotFilesPruned.increment();
            return true;
        } catch (NoSuchFileException already) {
            LOG.log(Level.INFO, "snapshot-prune-missing session={0} path={1}", sessionId, path);
            return true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "snapshot-prune-failed session=" + sessionId + " path=" + path, e);
            return false;
        }
    }

    /** The relative path the app's SAVE pointer names, if any: a client may SAVE a snapshot file's URL. */
    private String persistedPath(SnapshotFiles doomed) {
        if (doomed.appId() == null || doomed.persistentId() == null) {
            return null;
        }
        String url = pointers.get(doomed.appId(), doomed.persistentId());
        return url == null ? null : FileStore.relativeFromUrl(url);
    }
}
