package dev.flamingo.reflector.internal;

/**
 * Where a session writes what it must not lose. Records are buffered by the append methods and reach
 * the OS in {@link #commit()}, which the session calls before any queued frame is flushed to a socket.
 * Owned by the session's executor (the fsync timer may call {@link #force()} from another thread).
 */
interface Journal {

    /** Records one sequenced message: its JSON array text in UTF-8, as also retained and relayed. */
    void message(byte[] utf8);

    /** Records that clients may have seen session time up to {@code time} (ticks, SYNC). */
    void timeLease(long time);

    /** Records changed settings (ticks, leave delay, persistent url, flags). */
    void settings(String json);

    /** Records a completed tally key. */
    void tally(String key);

    /** Records the users present as of the last users message (a JSON array). */
    void users(String json);

    /** Writes buffered records to the OS (and disk, under the always-fsync policy). */
    void commit();

    /**
     * Stores {@code lines} (messages a SNAP is about to prune, one per line) durably as {@code name} in the
     * session's archive, before {@link #compact} drops them from the journal.
     */
    void archive(String name, byte[] lines);

    /** Replaces the whole journal with {@code state} (at creation, SNAP, unload and shutdown). */
    void compact(SessionState state);

    /** Forces written records to the disk; called by the interval-fsync timer. */
    void force();

    /** Releases the files. */
    void close();

    /** Deletes everything stored for the session (retention expired). */
    void delete();

    /** A journal for memory-only servers: the state lives only in the session object. */
    Journal NONE = new Journal() {
        @Override public void message(byte[] utf8) { }
        @Override public void timeLease(long time) { }
        @Override public void settings(String json) { }
        @Override public void tally(String key) { }
        @Override public void users(String json) { }
        @Override public void commit() { }
        @Override public void archive(String name, byte[] lines) { }
        @Override public void compact(SessionState state) { }
        @Override public void force() { }
        @Override public void close() { }
        @Override public void delete() { }
    };
}
