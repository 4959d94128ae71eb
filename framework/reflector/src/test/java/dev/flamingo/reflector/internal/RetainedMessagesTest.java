package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetainedMessagesTest {
    /** Messages of assorted sizes (one larger than a chunk, some not ASCII) across the uint32 wrap. */
    private static List<String> messages(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String payload = i % 97 == 0 ? "x".repeat(70_000) : i % 5 == 0 ? "ä€😀" + i : "m" + "y".repeat(i % 300);
            out.add("[" + i + "," + Integer.toUnsignedLong(SessionState.INITIAL_SEQ + i) + ",\"" + payload + "\"]");
        }
        return out;
    }

    private static String joined(RetainedMessages retained) {
        StringBuilder out = new StringBuilder();
        retained.appendTo(out);
        return out.toString();
    }

    @Test
    void keepsEveryMessageInOrderAcrossChunks() {
        List<String> all = messages(2_000);
        RetainedMessages retained = new RetainedMessages();
        for (int i = 0; i < all.size(); i++) {
            retained.add(SessionState.INITIAL_SEQ + i, all.get(i));
        }
        assertEquals(2_000, retained.size());
        assertEquals(String.join(",", all), joined(retained));
    }

    @Test
    void dropThroughRemovesExactlyThePrefixUpToTheSnapshotSeq() {
        List<String> all = messages(1_500);
        RetainedMessages retained = new RetainedMessages();
        for (int i = 0; i < all.size(); i++) {
            retained.add(SessionState.INITIAL_SEQ + i, all.get(i));
        }
        retained.dropThrough(SessionState.INITIAL_SEQ + 2);
        assertEquals(String.join(",", all.subList(3, all.size())), joined(retained));
        // Past the uint32 wrap and over several chunk boundaries.
        retained.dropThrough(SessionState.INITIAL_SEQ + 1_199);
        assertEquals(300, retained.size());
        assertEquals(String.join(",", all.subList(1_200, all.size())), joined(retained));
        retained.dropThrough(SessionState.INITIAL_SEQ + 1_199);
        assertEquals(300, retained.size(), "an older snapshot seq drops nothing more");
        retained.dropThrough(SessionState.INITIAL_SEQ + 1_499);
        assertTrue(retained.isEmpty());
        assertEquals("", joined(retained));
        retained.add(SessionState.INITIAL_SEQ + 1_500, "[1,2,\"after\"]");
        assertEquals("[1,2,\"after\"]", joined(retained));
    }

    /** What an archiving SNAP writes: exactly the messages dropThrough then drops, one per line. */
    @Test
    void throughListsWhatDropThroughDrops() {
        List<String> all = messages(1_500);
        RetainedMessages retained = new RetainedMessages();
        for (int i = 0; i < all.size(); i++) {
            retained.add(SessionState.INITIAL_SEQ + i, all.get(i));
        }
        retained.dropThrough(SessionState.INITIAL_SEQ + 2);
        RetainedMessages.Pruned pruned = retained.through(SessionState.INITIAL_SEQ + 1_199);
        assertEquals(SessionState.INITIAL_SEQ + 3, pruned.firstSeq());
        assertEquals(SessionState.INITIAL_SEQ + 1_199, pruned.lastSeq(), "past the uint32 wrap");
        assertEquals(String.join("\n", all.subList(3, 1_200)) + "\n",
                new String(pruned.lines(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1_497, retained.size(), "through() drops nothing");
        retained.dropThrough(SessionState.INITIAL_SEQ + 1_199);
        assertNull(retained.through(SessionState.INITIAL_SEQ + 1_199), "nothing left at or before that seq");
    }
}
