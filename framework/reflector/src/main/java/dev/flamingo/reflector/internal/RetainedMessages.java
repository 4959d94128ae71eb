package dev.flamingo.reflector.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The sequenced messages since the snapshot, oldest first, as UTF-8 JSON packed back to back into byte
 * chunks with their seqs beside them. A session keeps up to the REQU threshold (60,000) of them: as a
 * String and a record each they were three live objects per message for the young collector to copy and
 * promote (100 sessions at 1,000 msg/s retain ~17 MB/s); packed, they are a few arrays per MiB.
 * Owned by the session's executor.
 */
final class RetainedMessages {
    /** Chunks grow from this size, so a session with a handful of messages stays small. */
    private static final int FIRST_CHUNK_BYTES = 256;
    /**
     * Just under 1 MiB, so a full chunk is one humongous object for G1 at heaps up to 4 GiB (regions of 1-2
     * MiB): allocated straight into the old generation, young collections never copy it. At 64 KiB, the
     * young pauses copying retained chunks were 5-10 ms every ~2 s at 100,000 msg/s.
     */
    private static final int CHUNK_BYTES = (1 << 20) - 1024;
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Appends a message; {@code seq} is its uint32 seq as an int. */
    void add(int seq, String json) {
        add(seq, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends a message already encoded as UTF-8 (kept as is: the caller must not change the array). */
    void add(int seq, byte[] utf8) {
        Chunk last = chunks.peekLast();
        if (last == null || !last.fits(utf8.length)) {
            last = new Chunk(Math.max(utf8.length, last == null ? FIRST_CHUNK_BYTES : CHUNK_BYTES));
            chunks.addLast(last);
        }
        last.add(seq, utf8);
        size++;
    }

    /** Drops the oldest messages up to and including {@code seq} (Croquet's {@code after} order). */
    void dropThrough(int seq) {
        while (size > 0 && !Snapshots.after(seq, chunks.peekFirst().firstSeq())) {
            Chunk first = chunks.peekFirst();
            first.first++;
            size--;
            if (first.first == first.count) {
                chunks.removeFirst();
            }
        }
    }

    /**
     * The messages {@link #dropThrough(int) dropThrough(seq)} would drop, one per line, with the seqs of the
     * first and last; null when there are none.
     */
    Pruned through(int seq) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        int count = 0;
        int firstSeq = 0;
        int lastSeq = 0;
        for (Chunk c : chunks) {
            for (int i = c.first; i < c.count && !Snapshots.after(seq, c.seqs[i]); i++) {
                int start = i == 0 ? 0 : c.ends[i - 1];
                lines.write(c.bytes, start, c.ends[i] - start);
                lines.write('\n');
                firstSeq = count == 0 ? c.seqs[i] : firstSeq;
                lastSeq = c.seqs[i];
                count++;
            }
        }
        return count == 0 ? null : new Pruned(firstSeq, lastSeq, lines.toByteArray());
    }

    /** Messages about to be pruned: seqs as uint32 bits, {@code lines} UTF-8 JSON one per line. */
    record Pruned(int firstSeq, int lastSeq, byte[] lines) {
    }

    /** Appends the messages to {@code out} as JSON array elements separated by commas. */
    void appendTo(StringBuilder out) {
        boolean comma = false;
        for (Chunk c : chunks) {
            for (int i = c.first; i < c.count; i++) {
                int start = i == 0 ? 0 : c.ends[i - 1];
                out.append(comma ? "," : "").append(new String(c.bytes, start, c.ends[i] - start,
                        StandardCharsets.UTF_8));
                comma = true;
            }
        }
    }

    /** Messages in one array; grows by doubling up to {@link #CHUNK_BYTES}, then the next chunk starts. */
    private static final class Chunk {
        byte[] bytes;
        int used;
        int[] ends = new int[4];
        int[] seqs = new int[4];
        int count;
        /** Messages before this index were dropped. */
        int first;

        Chunk(int capacity) {
            bytes = new byte[capacity];
        }

        boolean fits(int length) {
            return used + length <= Math.max(bytes.length, CHUNK_BYTES);
        }

        void add(int seq, byte[] utf8) {
            if (used + utf8.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(CHUNK_BYTES, Math.max(bytes.length * 2, used + utf8.length)));
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
                seqs = Arrays.copyOf(seqs, count * 2);
            }
            System.arraycopy(utf8, 0, bytes, used, utf8.length);
            used += utf8.length;
            ends[count] = used;
            seqs[count++] = seq;
        }

        int firstSeq() {
            return seqs[first];
        }
    }
}
