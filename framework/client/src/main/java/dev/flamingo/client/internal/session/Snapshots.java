package dev.flamingo.client.internal.session;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.SessionProblem;
import dev.flamingo.client.internal.crypto.Purpose;
import dev.flamingo.core.vm.CapturedSnapshot;
import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.Snapshot;
import dev.flamingo.core.vm.VirtualMachine;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Snapshot and persistence voting (Croquet §2.18, §2.12): after enough simulation CPU time (or on REQU) a
 * replica asks for a poll; on the poll every synced replica captures its state
 * on the model thread and votes through TUTTI with its SHA-256 keyed by the session key (votes and file names
 * are seen by the reflector and the files server, which must not be able to confirm a guessed state); on the
 * tally every replica elects the same
 * uploader (majority hash, then lowest CPU time), which seals, encrypts and PUTs off the model thread and
 * announces with SNAP. A tally with more than one hash means divergence, which {@link DivergenceLocator}
 * then pins to the first external message after which the replicas' states differed. Confined to the session
 * thread, except the worker tasks it starts.
 */
final class Snapshots {

    static final String SNAPSHOT = "snapshot";
    static final String PERSIST = "persist";
    private static final long MIN_POLL_GAP_MS = 5000;
    private static final int REQU_POLLERS = 3;

    private final Controller c;
    private final DivergenceLocator locator;
    private CapturedSnapshot capture;
    private long captureTime = -1;
    private byte[] persistData;
    private String persistHash;
    /** Simulation CPU time since the last poll request: Croquet's measure of when a snapshot is due. */
    private double cpuTimeMs;
    private long lastPollRequest = -MIN_POLL_GAP_MS;

    Snapshots(Controller controller) {
        this.c = controller;
        this.locator = new DivergenceLocator(controller);
    }

    /** A VM was installed from {@code base} (the restorable snapshot bytes everyone agreed on). */
    void installed(VirtualMachine vm, byte[] base) {
        locator.reset(base, vm.externalSeq());
    }

    /** An external message was scheduled. */
    void scheduled(MessageConverter.Converted message) {
        locator.record(message);
        Payload payload = message.payload();
        if (payload != null && payload.kind() == Payload.Kind.DIVERGENCE_REPORT) {
            locator.report(payload.viewId(), payload.text());
        }
    }

    /** The replica spent {@code ms} of CPU time (simulating, or a fixed penalty per external message). */
    void spent(double ms) {
        cpuTimeMs += ms;
    }

    /**
     * The reflector needs a snapshot: as in Croquet, only the three lexicographically lowest view ids ask for
     * one, so a big session does not send a poll per client.
     */
    void requested() {
        VirtualMachine vm = c.vm();
        if (vm == null || !c.viewReady()) {
            return;
        }
        boolean asks = vm.viewIds().stream().sorted().limit(REQU_POLLERS).anyMatch(c.viewId()::equals);
        c.debug(DebugFlag.SNAPSHOT, () -> "REQU: " + (asks ? "requesting a forced poll" : "left to the "
                + REQU_POLLERS + " lowest view ids"));
        if (asks) {
            requestPoll(true);
        }
    }

    /** Caught up: asks everyone to vote once enough CPU time was spent since the last request. */
    void pollIfDue() {
        requestPoll(false);
    }

    private void requestPoll(boolean forced) {
        VirtualMachine vm = c.vm();
        if (vm == null || !c.votingAllowed()) {
            return;
        }
        boolean due = forced || cpuTimeMs > c.parameters().snapshotAfterCpuMs();
        if (!due || vm.time() - lastPollRequest < MIN_POLL_GAP_MS) {
            return;
        }
        cpuTimeMs = 0;
        lastPollRequest = vm.time();
        c.debug(DebugFlag.SNAPSHOT, () -> "requesting a snapshot poll at " + vm.time());
        c.sendFrame(c.link().encoder().sendTagged(vm.time(), c.seal(Payload.Kind.SNAPSHOT_POLL, List.of(), null),
                "pollForSnapshot", MIN_POLL_GAP_MS));
    }

    /** The replica was torn down. */
    void reset() {
        lastPollRequest = -MIN_POLL_GAP_MS;
        capture = null;
        captureTime = -1;
        locator.reset(null, 0);
    }

    /** The VM accepted a snapshot poll at {@code time}: capture now, hash and vote off the model thread. */
    void poll(long time, long seq) {
        if (!c.votingAllowed()) {
            return;
        }
        CapturedSnapshot captured = c.vm().capture();
        capture = captured;
        captureTime = time;
        double cost = cpuTimeMs + c.random().nextDouble();
        String viewId = c.viewId();
        Threads.WORKERS.execute(() -> {
            // Votes and the upload's file name travel in the clear: vote with a keyed hash of the state.
            String hash = c.link().envelope().keyedHash(Purpose.SNAPSHOT, c.ids().sessionId(), captured.sha256());
            Vote vote = new Vote(viewId, hash, cost, time, seq);
            c.debug(DebugFlag.SNAPSHOT, () -> "vote " + vote.hash() + " at " + time + " (" + captured.size() + " bytes)");
            c.link().connection().send(c.link().encoder().tutti(time, vote.toJson(), null, true, SNAPSHOT,
                    SNAPSHOT + "@" + time));
        });
    }

    /** The root model offered persistent data: vote on it. */
    void persist(byte[] data, String hash) {
        persistData = data;
        persistHash = c.link().envelope().keyedHash(Purpose.PERSISTED, c.ids().persistentId(), hash);
        if (!c.votingAllowed()) {
            return;
        }
        long time = c.vm().time();
        Vote vote = new Vote(c.viewId(), persistHash, cpuTimeMs + c.random().nextDouble(), time, c.vm().externalSeq());
        c.link().connection().send(c.link().encoder().tutti(time, vote.toJson(), null, true, PERSIST,
                PERSIST + "@" + time));
    }

    /** A tally arrived at VM time, identically on every replica. */
    void tally(ExternalMessage.Tally tally) {
        List<Vote.Group> groups = Vote.analyze(tally.votes());
        if (groups.isEmpty()) {
            return;
        }
        Vote any = groups.get(0).votes().get(0);
        if (SNAPSHOT.equals(tally.target())) {
            snapshotTally(groups, any.time(), any.seq());
        } else if (PERSIST.equals(tally.target())) {
            persistTally(groups, any.time());
        }
    }

    private void snapshotTally(List<Vote.Group> groups, long time, long seq) {
        if (groups.size() > 1) {
            List<List<String>> members = groups.stream().map(Vote.Group::viewIds).toList();
            List<String> hashes = groups.stream().map(Vote.Group::hash).toList();
            c.problem(new SessionProblem.Diverged(time, members, hashes, -1, null));
            locator.diverged(time, seq, members, hashes);
        } else if (captureTime == time && capture != null) {
            locator.agreed(capture, seq);
        }
        for (int i = 0; i < groups.size(); i++) {
            Vote.Group group = groups.get(i);
            if (group.uploader().viewId().equals(c.viewId()) && captureTime == time && capture != null) {
                upload(capture, group.hash(), time, seq, i == 0 ? null : dissident(group, groups));
            }
        }
    }

    private static JsonObject dissident(Vote.Group group, List<Vote.Group> groups) {
        JsonObject d = new JsonObject();
        d.addProperty("groupVotes", group.votes().size());
        d.addProperty("allVotes", groups.stream().mapToInt(g -> g.votes().size()).sum());
        JsonArray views = new JsonArray();
        group.viewIds().forEach(views::add);
        d.add("views", views);
        return d;
    }

    private void upload(CapturedSnapshot captured, String hash, long time, long seq, JsonObject dissident) {
        var ids = c.ids();
        String path = String.format(Locale.ROOT, "apps/%s/snap/%s/%s.%s/%010d_%d.%s", c.parameters().appId(),
                ids.versionId(), ids.persistentId(), ids.sessionId(), time, seq, hash);
        Threads.WORKERS.execute(() -> {
            try {
                long start = System.nanoTime();
                Snapshot sealed = captured.seal();
                byte[] encrypted = c.link().envelope().seal(Purpose.SNAPSHOT, ids.sessionId(), sealed.bytes());
                String url = c.link().files().put(path, encrypted);
                c.link().connection().send(c.link().encoder().snap(time, seq, hash, url, dissident));
                c.debug(DebugFlag.SNAPSHOT, () -> "uploaded snapshot " + time + " (" + encrypted.length + " bytes "
                        + "sealed, " + (System.nanoTime() - start) / 1_000_000 + " ms) to " + url);
            } catch (IOException | RuntimeException e) {
                c.post(() -> c.problem(new SessionProblem.Warning("snapshot upload failed: " + e)));
            }
        });
    }

    private void persistTally(List<Vote.Group> groups, long time) {
        Vote.Group consensus = groups.get(0);
        byte[] data = persistData;
        if (!consensus.uploader().viewId().equals(c.viewId()) || data == null
                || !consensus.hash().equals(persistHash)) {
            return;
        }
        var ids = c.ids();
        String path = "apps/" + c.parameters().appId() + "/" + ids.persistentId() + "/save/" + consensus.hash();
        Threads.WORKERS.execute(() -> {
            try {
                byte[] encrypted = c.link().envelope().seal(Purpose.PERSISTED, ids.persistentId(), data);
                String url = c.link().files().put(path, encrypted);
                c.link().connection().send(c.link().encoder().save(time, url, null));
            } catch (IOException | RuntimeException e) {
                c.post(() -> c.problem(new SessionProblem.Warning("persistence upload failed: " + e)));
            }
        });
    }
}
