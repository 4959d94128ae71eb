package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskJournalTest {
    @TempDir
    Path dir;

    private SessionState fresh() {
        SessionState s = new SessionState();
        s.id = "s";
        s.timeline = "tl";
        s.tove = "tove";
        return s;
    }

    @Test
    void stateAndLogRoundTrip() {
        DiskJournal journal = new DiskJournal(dir, false, new Metrics());
        SessionState s = fresh();
        s.location = true;
        journal.compact(s);
        journal.message(utf8("[5,4294967281,\"a\",1]"));
        journal.message(utf8("[6,4294967282,\"b\",1]"));
        journal.timeLease(10_006);
        journal.tally("snapshot@5");
        journal.commit();
        journal.close();
        SessionState loaded = new DiskJournal(dir, false, new Metrics()).load();
        assertEquals("tl", loaded.timeline);
        assertEquals(0xFFFFFFF2, loaded.seq);
        assertEquals(2, loaded.messages.size());
        assertEquals(10_006, loaded.timeLease);
        assertEquals("snapshot@5", loaded.completedTallies.peekLast());
        assertTrue(loaded.location);
    }

    @Test
    void tornLastLineIsDroppedAndTheNextRecordSurvives() throws IOException {
        DiskJournal journal = new DiskJournal(dir, false, new Metrics());
        journal.compact(fresh());
        journal.message(utf8("[5,4294967281,\"a\",1]"));
        journal.commit();
        journal.close();
        Path log = dir.resolve("log-1.jsonl");
        Files.writeString(log, "m [6,42949", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        DiskJournal reopened = new DiskJournal(dir, false, new Metrics());
        assertEquals(1, reopened.load().messages.size());
        reopened.message(utf8("[7,4294967282,\"c\",1]"));
        reopened.commit();
        reopened.close();
        SessionState again = new DiskJournal(dir, false, new Metrics()).load();
        assertEquals(2, again.messages.size());
        StringBuilder messages = new StringBuilder();
        again.messages.appendTo(messages);
        assertEquals("[5,4294967281,\"a\",1],[7,4294967282,\"c\",1]", messages.toString());
    }

    @Test
    void compactionKeepsOnlyTheStateAndAFreshLog() throws IOException {
        DiskJournal journal = new DiskJournal(dir, false, new Metrics());
        SessionState s = fresh();
        journal.compact(s);
        journal.message(utf8("[5,4294967281,\"a\",1]"));
        journal.commit();
        s.addMessage("[5,4294967281,\"a\",1]");
        journal.compact(s);
        journal.close();
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "state.json and one log");
        }
        assertEquals(1, new DiskJournal(dir, false, new Metrics()).load().messages.size());
    }

    @Test
    void snapshotFilesAreKeptInTheStateAndReadWithoutLoadingIt() throws IOException {
        DiskJournal journal = new DiskJournal(dir, false, new Metrics());
        SessionState s = fresh();
        s.appId = "app";
        s.persistentId = "p";
        s.snapshotFiles.add("apps/app/snap/c/p.s/1_1.h");
        s.snapshotFiles.add("apps/app/snap/c/p.s/2_2.h");
        s.addMessage("[5,4294967281,\"a\",1]");
        journal.compact(s);
        journal.close();
        assertEquals(List.copyOf(s.snapshotFiles), List.copyOf(new DiskJournal(dir, false, new Metrics()).load().snapshotFiles));
        SnapshotFiles stored = DiskJournal.storedSnapshotFiles(dir);
        assertEquals(new SnapshotFiles(dir.getFileName().toString(), "app", "p", List.copyOf(s.snapshotFiles)), stored);
    }

    /**
     * A users batch or tally can come due after the session closed its journal (shutdown, unload): its
     * records are not buffered, so no buffer waits for a commit that never comes (the class's leak check
     * fails otherwise), and the log keeps what was committed before the close.
     */
    @Test
    void recordsAfterCloseAreNotBuffered() {
        DiskJournal journal = new DiskJournal(dir, false, new Metrics());
        journal.compact(fresh());
        journal.message(utf8("[5,4294967281,\"a\",1]"));
        journal.commit();
        journal.close();
        journal.message(utf8("[6,4294967282,\"late\",1]"));
        journal.users("[\"v\"]");
        journal.commit();
        assertEquals(1, new DiskJournal(dir, false, new Metrics()).load().messages.size());
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
