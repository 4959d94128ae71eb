package dev.flamingo.reflector.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One session: its sockets, JOIN and SYNC, frame dispatch and lifecycle (unload, expiry, shutdown). The
 * {@link Sequencer} stamps and relays, {@link ClientMessages} admits SENDs, {@link Snapshots} takes SNAP
 * and SAVE, {@link Tallies} counts TUTTI votes and {@link UsersBatcher} announces joins and leaves.
 *
 * <p>Design. Every method runs on {@link #executor}, one Netty event loop chosen when the session is
 * created, and each socket is moved onto that loop when it connects; so stamping, broadcast, SYNC (the
 * snapshot of {@code messages}) and the move of a joiner into the broadcast set are atomic with respect
 * to each other without locks or hand-offs (Disruptor's single writer). Nothing is written to a socket directly: frames go through the
 * {@link Outbox}, whose commit writes the journal to the OS before flushing the sockets, so no client
 * ever sees a message that a crash could lose. Sessions share nothing, so a bad frame in one cannot
 * affect another.
 */
final class Session {
    static final long USERS_INTERVAL_MS = 200;
    static final long TALLY_INTERVAL_MS = 1000;
    static final long MAX_TALLY_AGE_MS = 60_000;
    /**
     * TICK and SYNC times are journalled as a lease this far ahead, so the log is written only every
     * couple of seconds; after a crash the clock resumes at the lease (a small forward jump).
     */
    static final long TIME_LEASE_MS = 2_000;
    private static final Logger LOG = System.getLogger(Session.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    final String id;
    final EventExecutor executor;
    final SessionState st;
    private final SessionServices services;
    private final Journal journal;
    private final Set<Connection> sockets = new LinkedHashSet<>();
    private final List<Connection> clients = new ArrayList<>();
    private final UsersBatcher users = new UsersBatcher(this);
    private final Outbox outbox;
    private final Tallies tallies;
    private final Sequencer sequencer;
    private final ClientMessages messages;
    private final Snapshots snapshots;
    private final SnapshotPruner pruner;
    private final Herald herald;
    private boolean started;
    private boolean loggedStart;
    private ScheduledFuture<?> unloadTimer;
    /** Registry references (handshakes in flight or open); guarded by the registry's map lock. */
    int refs;
    volatile long lastUsedMillis = System.currentTimeMillis();

    Session(String id, EventExecutor executor, SessionServices services, Journal journal, SessionState loaded) {
        this.id = id;
        this.executor = executor;
        this.services = services;
        this.journal = journal;
        this.tallies = new Tallies(this);
        this.outbox = new Outbox(id, executor, journal, services, this::storageFailed);
        this.st = loaded != null ? loaded : new SessionState();
        this.st.id = id;
        this.sequencer = new Sequencer(this, journal, outbox, services);
        this.started = loaded != null;
        if (started) {
            st.time = Math.max(st.time, st.timeLease);
            sequencer.startClock(st.time, st.scale);
            restoreGhosts();
        }
        this.messages = new ClientMessages(this, services);
        this.pruner = new SnapshotPruner(this, services);
        this.snapshots = new Snapshots(this, services, pruner);
        this.herald = new Herald(this, services.config().heraldPrefixes(), services.metrics());
    }

    // ---- connection lifecycle (called as tasks on the executor) ----

    /**
     * After a restart, users that were present stay counted as ghosts for the restart grace, so clients
     * reconnecting with back-off rejoin without the app seeing them leave and join again (Croquet's VM
     * would make up view-exits for everyone missing from the first users message).
     */
    private void restoreGhosts() {
        for (JsonElement user : st.activeUsers) {
            Connection ghost = Connection.ghost(id, user, services.metrics());
            clients.add(ghost);
            executor.schedule(() -> guarded(null, () -> clientLeft(ghost)), services.config().restartGraceMs(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The user's client is back: its ghost leaves in the same users batch, so the two cancel out. */
    private void retireGhostOf(JsonElement user) {
        for (Connection c : new ArrayList<>(clients)) {
            if (c.isGhost() && c.user.equals(user)) {
                clientLeft(c);
                return;
            }
        }
    }

    /** Remembers who the clients' VMs now believe present, for ghosts after a crash. */
    void recordActiveUsers() {
        recordActiveUsers(false);
    }

    /**
     * With {@code reconnectingOnly}, leaves out sockets that already closed (they are only lingering in
     * their leave grace): at a clean stop only clients we ask to reconnect should come back as ghosts.
     */
    private void recordActiveUsers(boolean reconnectingOnly) {
        JsonArray present = activeUsers(reconnectingOnly);
        if (!present.equals(st.activeUsers)) {
            st.activeUsers = present;
            journal.users(present.toString());
        }
    }

    private JsonArray activeUsers(boolean reconnectingOnly) {
        JsonArray present = new JsonArray();
        for (Connection c : clients) {
            if (c.active && (!reconnectingOnly || !c.gone || c.isGhost())) {
                present.add(c.user);
            }
        }
        return present;
    }

    /** After a users message: heralds it to the session's heraldUrl, if any. */
    void herald(Supplier<JsonArray> joined, Supplier<JsonArray> left) {
        if (herald.isOn()) {
            herald.announce(activeUsers(false), joined.get(), left.get());
        }
    }

    void attach(Connection conn) {
        sockets.add(conn);
        lastUsedMillis = System.currentTimeMillis();
        if (unloadTimer != null) {
            unloadTimer.cancel(false);
            unloadTimer = null;
        }
    }

    void detach(Connection conn) {
        conn.gone = true;
        sockets.remove(conn);
        outbox.forget(conn);
        lastUsedMillis = System.currentTimeMillis();
        if (clients.contains(conn)) {
            long delay = st.leaveDelayMs;
            if (delay <= 0) {
                clientLeft(conn);
            } else {
                executor.schedule(() -> guarded(conn, () -> clientLeft(conn)), delay, TimeUnit.MILLISECONDS);
            }
        }
        maybeIdle();
    }

    private void clientLeft(Connection conn) {
        if (!clients.remove(conn)) {
            return;
        }
        users.left(conn);
        if (clients.isEmpty()) {
            sequencer.stopTicker();
        }
        maybeIdle();
    }

    private void maybeIdle() {
        if (!sockets.isEmpty() || !clients.isEmpty() || unloadTimer != null) {
            return;
        }
        if (loggedStart) {
            LOG.log(Level.INFO, "session-end id={0} time={1} seq={2} retained={3}", id, String.valueOf(st.time),
                    Integer.toUnsignedString(st.seq), String.valueOf(st.messages.size()));
            loggedStart = false;
        }
        unloadTimer = executor.schedule(() -> guarded(null, this::unload),
                services.config().unloadDelayMs(), TimeUnit.MILLISECONDS);
    }

    /** Persists and leaves memory if nobody came back; memory-only sessions stay until retention. */
    private void unload() {
        unloadTimer = null;
        if (!sockets.isEmpty() || !clients.isEmpty()) {
            return;
        }
        if (started && !services.config().durable()) {
            return;
        }
        persist();
        if (services.registry().tryRemove(this)) {
            sequencer.stop();
            journal.close();
        }
    }

    /**
     * Drops a session nobody used for the retention period, with whatever it stored and its snapshot files;
     * true if it is gone.
     */
    boolean expireIfUnused(long nowMillis) {
        if (!sockets.isEmpty() || !clients.isEmpty()
                || nowMillis - lastUsedMillis < services.config().retentionMs()) {
            return false;
        }
        if (!services.registry().tryRemove(this)) {
            return false;
        }
        LOG.log(Level.INFO, "session-expired id={0}", id);
        sequencer.stop();
        journal.delete();
        pruner.deleteAll();
        return true;
    }

    /** Graceful shutdown: persist everything, then ask every client to reconnect. */
    void shutdown() {
        persist();
        sequencer.stop();
        for (Connection c : new ArrayList<>(sockets)) {
            c.close(CloseReason.RECONNECT, "reflector restarting, please reconnect");
        }
        journal.close();
    }

    private void persist() {
        if (started) {
            journal.commit();
            st.time = sequencer.now();
            // Nobody has seen a time beyond now, so a clean stop resumes without a forward jump.
            st.timeLease = st.time;
            // Ghosts only for clients still here: a session everyone left resumes with nobody present.
            recordActiveUsers(true);
            journal.compact(st);
        }
    }

    // ---- frames ----

    /** Runs {@code action} for {@code conn}; an unexpected failure closes only that socket with 4109. */
    void guarded(Connection conn, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            services.metrics().reject("handler_error");
            LOG.log(Level.ERROR, "handler-error session=" + id + " remote=" + conn, e);
            if (conn != null) {
                conn.close(CloseReason.UNKNOWN_ERROR, "unknown error");
            }
        }
        scheduleCommit();
    }

    void handle(Connection conn, Frame frame) {
        if (conn.gone) {
            return;
        }
        lastUsedMillis = System.currentTimeMillis();
        try {
            dispatch(conn, frame);
        } catch (ProtocolException e) {
            services.metrics().reject(e.label);
            LOG.log(Level.DEBUG, "frame-refused session={0} remote={1} code={2} reason={3}", id, conn,
                    String.valueOf(e.reason.code()), LogText.of(e.getMessage()));
            conn.close(e.reason, e.getMessage());
        }
    }

    private void dispatch(Connection conn, Frame frame) throws ProtocolException {
        switch (frame.action()) {
            case "JOIN" -> join(conn, frame.args());
            case "SEND" -> {
                if (conn.joined) {
                    messages.send(conn, frame);
                } else {
                    services.metrics().reject("not_joined");
                }
            }
            case "TUTTI" -> tallies.vote(requireJoined(conn), frame.args());
            case "SNAP" -> snapshots.snap(requireJoined(conn), frame.args());
            case "SAVE" -> snapshots.save(requireJoined(conn), frame.args());
            case "TICKS" -> ticks(requireJoined(conn), frame.args());
            case "PING" -> pong(conn, frame.args());
            case "PULSE" -> { }
            case "LOG" -> clientLog(conn, frame.args());
            default -> {
                services.metrics().reject("unknown_action");
                LOG.log(Level.DEBUG, "unknown-action session={0} remote={1}", id, conn);
            }
        }
    }

    private Connection requireJoined(Connection conn) throws ProtocolException {
        if (!conn.joined) {
            throw new ProtocolException(CloseReason.UNKNOWN_SESSION, "not_joined", "send JOIN first");
        }
        return conn;
    }

    // ---- JOIN and SYNC ----

    private void join(Connection conn, JsonElement args) throws ProtocolException {
        JoinRequest req = JoinRequest.parse(args, services.config().apiKeys());
        if (conn.joined) {
            throw new ProtocolException(CloseReason.BAD_PROTOCOL, "bad_join", "JOIN sent twice on one socket");
        }
        if (!started) {
            create(req);
        }
        applyJoinSettings(req);
        boolean heralding = herald.configure(req.heraldUrl());
        conn.joined = true;
        conn.user = st.location ? UserLocation.attach(req.user(), conn.location) : req.user();
        if (!loggedStart) {
            loggedStart = true;
            LOG.log(Level.INFO, "session-start id={0} app={1} timeline={2} time={3} seq={4} retained={5}",
                    id, LogText.of(st.appId), st.timeline, String.valueOf(st.time), Integer.toUnsignedString(st.seq),
                    String.valueOf(st.messages.size()));
        }
        sync(conn);
        if (!heralding) {
            send(conn, herald.refusal(req.heraldUrl()));
        }
    }

    private void create(JoinRequest req) {
        st.timeline = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        st.tove = req.tove();
        st.name = req.name();
        st.appId = req.appId();
        st.persistentId = req.persistentId();
        st.location = req.location();
        st.tickMs = req.tickMs();
        st.delayMs = req.delayMs();
        if (st.appId != null && st.persistentId != null) {
            st.persistentUrl = services.pointers().get(st.appId, st.persistentId);
        }
        sequencer.startClock(0, 1);
        started = true;
        journal.compact(st);
    }

    /** Croquet applies these from every JOIN: the last one wins. */
    private void applyJoinSettings(JoinRequest req) {
        String before = st.settingsJson();
        st.leaveDelayMs = req.leaveDelayMs();
        if (req.url() != null) {
            st.url = req.url();
        }
        st.flags = req.flags();
        if (!before.equals(st.settingsJson())) {
            journal.settings(st.settingsJson());
        }
    }

    private void sync(Connection conn) {
        long time = sequencer.now();
        st.time = time;
        sequencer.lease(time);
        JsonObject args = new JsonObject();
        boolean persisted = st.snapshotUrl.isEmpty() && st.persistentUrl != null;
        args.addProperty("url", persisted ? st.persistentUrl : st.snapshotUrl);
        args.addProperty("time", time);
        args.addProperty("seq", Integer.toUnsignedLong(st.seq));
        args.addProperty("tove", st.tove);
        args.addProperty("reflector", "flamingo");
        args.addProperty("timeline", st.timeline);
        args.add("flags", st.flags);
        if (!st.snapshotUrl.isEmpty()) {
            args.addProperty("snapshotTime", st.snapshotTime);
            args.addProperty("snapshotSeq", st.snapshotSeq == null ? null : Integer.toUnsignedLong(st.snapshotSeq));
        } else if (persisted) {
            args.addProperty("persisted", true);
        }
        StringBuilder text = new StringBuilder(64 + st.messages.size() * 96);
        text.append("{\"id\":\"").append(id).append("\",\"action\":\"SYNC\",\"args\":{\"messages\":[");
        st.messages.appendTo(text);
        String rest = args.toString();
        text.append("],").append(rest, 1, rest.length()).append('}');
        send(conn, text.toString());
        clients.add(conn);
        users.joined(conn);
        retireGhostOf(conn.user);
        sequencer.ensureTicker();
    }

    // ---- sequencing ----

    void backlogReset() {
        messages.resetBacklog();
    }

    /** Sequences a batch (a SEND, TUTTI's first message). */
    void submit(List<Submission> batch) {
        sequencer.submit(batch);
    }

    /** Sequences a message the reflector makes up ({@code users}, {@code tally}). */
    void submitReflectorMessage(JsonObject payload) {
        sequencer.submitReflectorMessage(payload);
    }

    // ---- SNAP, SAVE, TICKS, PING, LOG ----

    private void ticks(Connection conn, JsonElement args) throws ProtocolException {
        JsonObject o = Json.objectOrNull(args);
        if (o == null) {
            throw Json.bad("TICKS args must be {tick, delay, scale}");
        }
        double tick = Json.optionalNumber(o, "tick", 0, 60_000, 0);
        double delay = Json.optionalNumber(o, "delay", 0, 60_000, 0);
        double scale = Json.optionalNumber(o, "scale", 0, 1e6, 0);
        if (delay > 0) {
            st.delayMs = delay;
        }
        if (scale > 0) {
            st.scale = sequencer.rescale(scale);
        }
        if (tick > 0) {
            st.tickMs = Math.max(1, tick);
            sequencer.stopTicker();
            sequencer.ensureTicker();
        }
        journal.settings(st.settingsJson());
        LOG.log(Level.INFO, "session-ticks id={0} remote={1} tick={2} delay={3} scale={4}", id, conn,
                String.valueOf(st.tickMs), String.valueOf(st.delayMs), String.valueOf(st.scale));
    }

    /**
     * Echoes the args, without {@code id}; absent args stay absent, as {@code JSON.stringify} drops
     * Croquet's undefined. Under {@code rawtime} an object also gets {@code rawTime}, the clock of RECV's
     * last slot.
     */
    private void pong(Connection conn, JsonElement args) {
        if (args == null) {
            send(conn, "{\"action\":\"PONG\"}");
            return;
        }
        if (started && args.isJsonObject() && Json.truthy(st.flags.get("rawtime"))) {
            args.getAsJsonObject().addProperty("rawTime", sequencer.raw());
        }
        send(conn, "{\"action\":\"PONG\",\"args\":" + args + "}");
    }

    /** One line per LOG, from any socket (as in Croquet); the text is escaped and bounded by {@link LogText}. */
    private void clientLog(Connection conn, JsonElement args) {
        String text = args == null ? "null" : Json.isString(args) ? args.getAsString() : args.toString();
        LOG.log(Level.INFO, "client-log session={0} remote={1} text={2}", id, conn, LogText.of(text));
    }

    int activeCount() {
        int n = 0;
        for (Connection c : clients) {
            n += c.active ? 1 : 0;
        }
        return n;
    }

    int clientCount() {
        return clients.size();
    }

    long now() {
        return sequencer.now();
    }

    List<Connection> clients() {
        return clients;
    }

    Journal journal() {
        return journal;
    }

    // ---- output ----

    void send(Connection conn, String text) {
        outbox.send(conn, text);
    }

    private void scheduleCommit() {
        outbox.scheduleCommit();
    }

    /** The journal could not be written: nothing queued may be relayed, so every client must resync. */
    private void storageFailed() {
        new ArrayList<>(sockets).forEach(c -> c.close(CloseReason.RECONNECT, "storage failure"));
    }
}
