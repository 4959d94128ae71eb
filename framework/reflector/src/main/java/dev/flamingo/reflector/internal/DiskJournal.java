package dev.flamingo.reflector.internal;

import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A session's directory: {@code state.json} (complete state at the last compaction, replaced atomically)
 * and {@code log-<n>.jsonl} (records since then, append-only, one per line). Recovery = state + every
 * complete line of the log; a torn last line (crash mid-write) was never relayed and is ignored.
 * Compaction writes a new empty log, then a state naming it, then deletes the old log, so a crash at any
 * point leaves one consistent pair. Owned by the session's executor; {@link #force()} from any thread.
 */
final class DiskJournal implements Journal {
    private static final String STATE = "state.json";
    /** Subdirectory for {@link #archive}; expiry deletes it with the rest of the session. */
    static final String ARCHIVE = "archive";
    private final Path dir;
    private final boolean fsyncAlways;
    private final Metrics metrics;
    /**
     * Records not yet written, encoded straight into a pooled direct buffer that the file channel writes
     * without another copy; null between commits, so an idle session holds no buffer.
     */
    private ByteBuf pending;
    /**
     * After {@link #close()}: a session can still have a users batch, tally or frame due as it shuts down
     * or unloads; nothing writes its records any more, so they are not buffered (the sequencer no longer
     * relays, see {@link Sequencer#stop()}).
     */
    private boolean closed;
    /** Replaced by compaction on the session thread; read by the fsync timer. */
    private volatile FileChannel log;
    private long generation;
    private volatile boolean dirty;

    DiskJournal(Path dir, boolean fsyncAlways, Metrics metrics) {
        this.dir = dir;
        this.fsyncAlways = fsyncAlways;
        this.metrics = metrics;
    }

    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(STATE));
    }

    /** Loads state.json plus the log it names, and opens that log for appending. */
    SessionState load() {
        try {
            String text = Files.readString(dir.resolve(STATE), StandardCharsets.UTF_8);
            SessionState state = SessionState.fromJson(text);
            generation = JsonParser.parseString(text).getAsJsonObject().get("logGeneration").getAsLong();
            replay(state, logPath(generation));
            log = FileChannel.open(logPath(generation), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            log.truncate(completeLength(log));
            log.position(log.size());
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load session journal " + dir, e);
        }
    }

    /**
     * The app and snapshot files a stored session lists, streamed from state.json without loading its
     * messages (there may be 100,000 of them); null when there is no state.
     */
    static SnapshotFiles storedSnapshotFiles(Path dir) throws IOException {
        Path state = dir.resolve(STATE);
        if (!Files.isRegularFile(state)) {
            return null;
        }
        String appId = null;
        String persistentId = null;
        List<String> paths = new ArrayList<>();
        try (JsonReader in = new JsonReader(Files.newBufferedReader(state, StandardCharsets.UTF_8))) {
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "appId" -> appId = stringOrNull(in);
                    case "persistentId" -> persistentId = stringOrNull(in);
                    case "snapshotFiles" -> {
                        in.beginArray();
                        while (in.hasNext()) {
                            paths.add(in.nextString());
                        }
                        in.endArray();
                    }
                    default -> in.skipValue();
                }
            }
        }
        return new SnapshotFiles(dir.getFileName().toString(), appId, persistentId, paths);
    }

    private static String stringOrNull(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        return in.nextString();
    }

    private static void replay(SessionState state, Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                applyLine(state, line);
            }
        }
    }

    /** Length up to the last newline: a torn tail would otherwise swallow the next appended record. */
    private static long completeLength(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        return end;
    }

    /** Applies one record; a torn or unparsable line ends recovery, since nothing after it was relayed. */
    private static void applyLine(SessionState state, String line) {
        if (line.length() < 2 || line.charAt(1) != ' ') {
            return;
        }
        String body = line.substring(2);
        try {
            switch (line.charAt(0)) {
                case 'm' -> state.addMessage(body);
                case 't' -> state.timeLease = Math.max(state.timeLease, Long.parseLong(body));
                case 'c' -> state.applySettings(JsonParser.parseString(body).getAsJsonObject());
                case 'k' -> state.completeTally(body);
                case 'u' -> state.activeUsers = JsonParser.parseString(body).getAsJsonArray();
                default -> { }
            }
        } catch (RuntimeException tornLine) {
            // The last line may be cut short by a crash; it was never relayed, so dropping it is right.
        }
    }

    @Override
    public void message(byte[] utf8) {
        if (closed) {
            return;
        }
        // Bytes, not the String: encoding each message a second time was the journal's largest Java cost.
        pending().writeByte('m').writeByte(' ').writeBytes(utf8).writeByte('\n');
    }

    @Override
    public void timeLease(long time) {
        record('t', Long.toString(time));
    }

    @Override
    public void settings(String json) {
        record('c', json);
    }

    @Override
    public void tally(String key) {
        record('k', key.replace('\n', ' '));
    }

    @Override
    public void users(String json) {
        record('u', json);
    }

    private void record(char type, String body) {
        if (closed) {
            return;
        }
        ByteBuf out = pending().writeByte(type).writeByte(' ');
        ByteBufUtil.writeUtf8(out, body);
        out.writeByte('\n');
    }

    private ByteBuf pending() {
        if (pending == null) {
            pending = PooledByteBufAllocator.DEFAULT.directBuffer(1024);
        }
        return pending;
    }

    /** Drops records not yet written (they were never relayed). */
    private void discardPending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void commit() {
        if (pending == null) {
            return;
        }
        long start = System.nanoTime();
        ByteBuffer bytes = pending.nioBuffer();
        try {
            while (bytes.hasRemaining()) {
                log.write(bytes);
            }
            if (fsyncAlways) {
                log.force(false);
            } else {
                dirty = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to session journal " + dir, e);
        } finally {
            discardPending();
        }
        metrics.journalLatency.record(System.nanoTime() - start);
    }

    @Override
    public void archive(String name, byte[] lines) {
        try {
            Path archive = DurableFiles.createDirectories(dir.resolve(ARCHIVE));
            DurableFiles.writeAtomically(archive.resolve(name), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive pruned messages of " + dir, e);
        }
    }

    @Override
    public void compact(SessionState state) {
        discardPending();
        try {
            DurableFiles.createDirectories(dir);
            long next = generation + 1;
            FileChannel nextLog = FileChannel.open(logPath(next), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            String json = state.toJson();
            json = json.substring(0, json.length() - 1) + ",\"logGeneration\":" + next + "}";
            // Also makes the new log's name durable: it is in the same directory.
            DurableFiles.writeAtomically(dir.resolve(STATE), json.getBytes(StandardCharsets.UTF_8));
            if (log != null) {
                log.close();
            }
            Files.deleteIfExists(logPath(generation));
            log = nextLog;
            generation = next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact session journal " + dir, e);
        }
    }

    @Override
    public void force() {
        FileChannel current = log;
        if (!dirty || current == null) {
            return;
        }
        dirty = false;
        try {
            current.force(false);
        } catch (IOException e) {
            // The session thread may have rotated the log meanwhile; the next interval retries.
            dirty = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        discardPending();
        try {
            if (log != null) {
                log.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close session journal " + dir, e);
        }
    }

    @Override
    public void delete() {
        close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(DiskJournal::deleteQuietly);
        } catch (NoSuchFileException gone) {
            // Already deleted.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete session journal " + dir, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path logPath(long gen) {
        return dir.resolve("log-" + gen + ".jsonl");
    }
}
