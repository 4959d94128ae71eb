package dev.flamingo.client.internal.session;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.Session;
import dev.flamingo.client.SessionFailedException;
import dev.flamingo.client.SessionProblem;
import dev.flamingo.client.Step;
import dev.flamingo.client.internal.crypto.Purpose;
import dev.flamingo.client.internal.ids.SessionIds;
import dev.flamingo.client.internal.net.CloseCodes;
import dev.flamingo.client.internal.net.ReflectorConnection;
import dev.flamingo.client.internal.wire.Inbound;
import dev.flamingo.client.internal.wire.ProtocolException;
import dev.flamingo.core.DataHandle;
import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.View;
import dev.flamingo.core.Votes;
import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.HandlerError;
import dev.flamingo.core.vm.Reflection;
import dev.flamingo.core.vm.VirtualMachine;
import dev.flamingo.core.vm.VmHost;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The client side of one session (Croquet's {@code Controller}): connects, joins, syncs, steps the VM,
 * sends view events, and rejoins or reboots after a disconnect. This class is the coordinator: it holds the
 * VM, completes the join and tears the replica down, implements the public entry points, and routes transport
 * and VM callbacks to its collaborators, which each do one job: {@link ReplicaOwner} (which thread runs
 * replica work), {@link Link} (connection, JOIN, reconnect give-up, rejoin timer), {@link SyncHandler} (SYNC:
 * seamless rejoin or reboot from a snapshot), {@link ReflectorStream} (messages and time into the VM),
 * {@link Simulation} (fast-forward, simulation, frames, synced), {@link RootView}, {@link Lifecycle} (leave,
 * failure and the futures), {@link Snapshots}, {@link Reflections} (reflected events' votes), {@link Outbox},
 * {@link Dormancy}, {@link DataTransfers} (the Data API) and {@link SessionLog}.
 *
 * <p>Threading: everything that touches the VM, the views or this object's state runs on the replica's one
 * owner; transport callbacks and timers {@link #post} tasks to its queue (a frame finding the session thread
 * idle runs on the network thread that read it). The owner is the session's own thread, except in MANUAL after
 * the first join: then the thread calling {@link #step} owns the replica and runs the queue at the start of
 * each step (what was queued before it, so catch-up slices spread over steps). {@link ReplicaOwner} holds its
 * lock while anyone runs replica work, so a delivery, the hand-over at the end of the join and the hand-back
 * in {@link #leave} never overlap a step. Sync: SYNC's messages are queued, the snapshot is fetched on a worker,
 * the VM is restored (or created) and fast-forwarded in 200 ms slices with the owner free in between, and the
 * root view is built only once this client's own view-join has run. Rejoin: within {@code rejoinLimit} a SYNC
 * on the same timeline with no gap continues the same VM and view (seamless); otherwise model and view are
 * rebuilt from the latest snapshot. Public methods: any thread, except {@link #step} as documented there.
 */
public final class Controller implements VmHost, ReflectorConnection.Listener {

    private static final long FRAME_MS = 16;

    private final JoinParameters params;
    private final Registry registry;
    private final SessionIds ids;
    private final String viewId;
    private final ReplicaOwner owner;
    private final SessionLog log;
    private final SecureRandom random = new SecureRandom();
    private final Snapshots snapshots;
    private final Reflections reflections;
    private Session session;
    private final Link link;
    private final Dormancy dormancy;
    private final Outbox outbox;
    private final ReflectorStream stream;
    private final SyncHandler syncs;
    private final Simulation simulation;
    private final RootView root;
    private final Lifecycle lifecycle;
    private final DataTransfers data;

    private VirtualMachine vm;
    private volatile Model rootModel;
    private boolean viewReady;
    /** AUTO: the owner loop is running frames. */
    private boolean framing;

    private Controller(JoinParameters params) {
        this.params = params;
        this.registry = params.registry();
        this.ids = SessionIds.derive(params.appId(), params.name(), params.options(), params.persistentIdOptions(),
                registry.versionId());
        this.viewId = newViewId(random);
        this.log = new SessionLog(params, viewId);
        this.owner = new ReplicaOwner("flamingo-session-" + viewId, params.name(), this::adoptVm);
        this.link = new Link(this);
        this.dormancy = new Dormancy(this);
        this.snapshots = new Snapshots(this);
        this.reflections = new Reflections(this);
        this.outbox = new Outbox(this, params.eventRateLimit());
        this.stream = new ReflectorStream(this);
        this.syncs = new SyncHandler(this);
        this.simulation = new Simulation(this);
        this.root = new RootView(this);
        this.lifecycle = new Lifecycle(this, log);
        this.data = new DataTransfers(this);
    }

    /** Starts joining; the future completes with the session built by {@code factory}. */
    public static CompletableFuture<Session> start(JoinParameters params, Function<Controller, Session> factory) {
        Controller controller = new Controller(params);
        controller.session = factory.apply(controller);
        controller.post(controller.link::start);
        return controller.lifecycle.joinFuture();
    }

    // Croquet: Math.floor(Math.random() * 36 ** 10).toString(36); unique enough per session.
    private static String newViewId(SecureRandom random) {
        return Long.toString(Math.floorMod(random.nextLong(), 3656158440062976L), 36);
    }

    // ---- accessors (any thread) ----

    /** The derived ids. */
    public SessionIds ids() {
        return ids;
    }

    /** The join parameters. */
    public JoinParameters parameters() {
        return params;
    }

    /** This client's view id. */
    @Override
    public String viewId() {
        return viewId;
    }

    /** The current root model. */
    public Model rootModel() {
        return rootModel;
    }

    /** The current root view, or null. */
    public View rootView() {
        return root.current();
    }

    /** Round trip of this client's last message, ms. */
    public long latency() {
        return stream.latency();
    }

    /** Whether the replica has caught up. */
    public boolean isSynced() {
        return simulation.isSynced();
    }

    /** Runs {@code task} on the session thread. */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        };
        if (!owner.runOrPost(run)) {
            result.completeExceptionally(new IllegalStateException("session " + params.name() + " has ended"));
        }
        return result;
    }

    /** Encrypts and uploads a Data API blob; see {@link dev.flamingo.client.Data#store(byte[], boolean)}. */
    public CompletableFuture<DataHandle> storeData(byte[] bytes, boolean shareable) {
        return data.store(bytes, shareable);
    }

    /** Downloads and decrypts a Data API blob; see {@link dev.flamingo.client.Data#fetch}. */
    public CompletableFuture<byte[]> fetchData(DataHandle handle) {
        return data.fetch(handle);
    }

    /**
     * One main-loop step. MANUAL: on the caller's thread, which must always be the same one; does nothing
     * while the first join is still running on the session thread. AUTO: an extra step on the session thread,
     * waited for.
     */
    public void step(long frameTime) {
        if (params.step() == Step.AUTO) {
            if (owner.isLoopThread()) {
                simulation.step(frameTime);
            } else {
                submit(() -> {
                    simulation.step(frameTime);
                    return null;
                }).join();
            }
            return;
        }
        owner.step(() -> {
            if (root.isPending()) {
                root.build(rootModel);
            }
            if (owner.callerOwned()) {
                simulation.step(frameTime);
            }
        });
    }

    /** The VM checks its owner thread; this takes it over, under the owner's lock. */
    private void adoptVm() {
        if (vm != null) {
            vm.adopt();
        }
    }

    /**
     * Completes when the session has ended for good: normally after {@link #leave}, exceptionally with a
     * {@link SessionFailedException} when a fatal problem ended it.
     */
    public CompletableFuture<Void> ended() {
        return lifecycle.endedFuture();
    }

    /**
     * Croquet's visibility rule: out of sight for {@code autoSleep} seconds (never when 0), the session goes
     * dormant; back in sight it wakes. Any thread.
     */
    public void setVisible(boolean visible) {
        post(() -> dormancy.visible(visible));
    }

    /** Goes dormant now. Any thread. */
    public void sleep() {
        post(dormancy::sleep);
    }

    /** Ends dormancy (and any pending autoSleep timer) now. Any thread. */
    public void wake() {
        post(dormancy::wake);
    }

    /** True while dormant. */
    public boolean isDormant() {
        return dormancy.isDormant();
    }

    /** Leaves for good. */
    public CompletableFuture<Void> leave() {
        owner.release(root::detach);
        post(lifecycle::leave);
        return lifecycle.leaveFuture();
    }

    /** Monotonic milliseconds (not model time), for latency, send pacing and extrapolation. Any thread. */
    static long wallMs() {
        return System.nanoTime() / 1_000_000;
    }

    // ---- connection events (transport threads: hop to the loop) ----

    /** Queues {@code task} for the replica's owner; false once the session ended. See {@link ReplicaOwner#post}. */
    boolean post(Runnable task) {
        return owner.post(task);
    }

    @Override
    public void connected() {
        post(this::onConnected);
    }

    @Override
    public void received(Inbound frame) {
        owner.deliver(() -> onFrame(frame));
    }

    @Override
    public void protocolError(ProtocolException error) {
        post(() -> problem(new SessionProblem.Warning("protocol error from the reflector: " + error.getMessage())));
    }

    @Override
    public void disconnected(int code, String reason, CloseCodes.Kind kind, boolean reconnecting) {
        post(() -> link.disconnected(code, reason, kind));
    }

    private void onConnected() {
        if (!lifecycle.isDead()) {
            link.opened();
        }
    }

    private void onFrame(Inbound frame) {
        if (lifecycle.isDead()) {
            return;
        }
        stream.heard();
        if (frame instanceof Inbound.Sync sync) {
            syncs.sync(sync);
        } else if (frame instanceof Inbound.Recv recv) {
            stream.recv(recv.message());
        } else if (frame instanceof Inbound.Tick tick) {
            stream.tick(tick.time());
        } else if (frame instanceof Inbound.Requ) {
            snapshots.requested();
        } else if (frame instanceof Inbound.Pong pong) {
            link.pong(pong);
        } else if (frame instanceof Inbound.Info info) {
            log.info("reflector: " + info.code() + " " + info.msg());
        } else if (frame instanceof Inbound.Reconnect) {
            link.connection().drop(CloseCodes.PLEASE_RECONNECT, "reflector asked to reconnect");
        }
    }

    // ---- fast-forward and join ----

    /** SYNC restored (or created) the VM: it fast-forwards from its own time. */
    void restored(VirtualMachine restored) {
        vm = restored;
        simulation.restoredAt(restored.time());
    }

    /**
     * This client's view-join has run. AUTO: the root view is built here, on the session thread. MANUAL: the
     * replica passes to the stepping thread (for good: rejoins and reboots are then run by steps too), and the
     * root view is built by the next step, on that thread; the join future completes before it exists.
     */
    void finishJoin() {
        viewReady = true;
        rootModel = vm.rootModel();
        simulation.joined();
        debug(DebugFlag.SESSION, () -> "joined at " + vm.time() + " ms with " + vm.viewCount() + " views");
        debug(DebugFlag.SNAPSHOT, () -> "fast-forwarded from " + simulation.ffStartTime() + " to " + vm.time()
                + " ms");
        debug(DebugFlag.SUBSCRIBE, () -> "model subscriptions " + vm.modelSubscriptions());
        if (params.step() == Step.AUTO) {
            root.build(rootModel);
            if (!framing) {
                framing = true;
                owner.startFrames(FRAME_MS, () -> simulation.frame(wallMs()),
                        () -> vm != null && vm.viewDomain().hasFrameEvents());
            }
        } else {
            root.buildOnNextStep();
            owner.handToCaller();
        }
        outbox.flush();
        if (params.progress() != null) {
            params.progress().accept(1);
        }
        lifecycle.joined(session);
    }

    // ---- sending ----

    @Override
    public void sendToReflector(ExternalMessage.ModelEvent event) {
        outbox.event(event, vm == null ? 0 : vm.time(), simulation.isSynced());
    }

    String seal(Payload.Kind kind, List<ExternalMessage.ModelEvent> events, String text) {
        Payload payload = new Payload(kind, viewId, wallMs(), events, text);
        return link.envelope().sealText(Purpose.MESSAGE, ids.sessionId(), payload.encode());
    }

    /** Sends now when joined and connected, else keeps the frame for after a seamless rejoin. */
    void sendFrame(String frame) {
        outbox.frame(frame);
    }

    /** Runs {@code task} on the replica's owner after {@code delayMs}; see {@link OwnedTimer}. */
    OwnedTimer schedule(Runnable task, long delayMs) {
        return owner.schedule(task, delayMs);
    }

    // ---- VmHost ----

    @Override
    public void onHandlerError(HandlerError error) {
        problem(new SessionProblem.HandlerFailed(error.describe(), error.cause()));
    }

    @Override
    public void onSnapshotPoll(long time, long seq) {
        snapshots.poll(time, seq);
    }

    @Override
    public void onTally(ExternalMessage.Tally tally) {
        snapshots.tally(tally);
    }

    @Override
    public void onPersist(byte[] data, String hash) {
        snapshots.persist(data, hash);
    }

    /** Croquet votes on reflected events only while synced, so a replica catching up never does. */
    @Override
    public boolean voting() {
        return votingAllowed();
    }

    @Override
    public void onReflected(Reflection reflection) {
        reflections.send(reflection);
    }

    @Override
    public void onUncapturedDivergence(Votes<?> votes) {
        problem(new SessionProblem.UncapturedDivergence(vm.time(), votes));
    }

    @Override
    public void onWarning(String message) {
        problem(new SessionProblem.Warning(message));
        if (link.isConnected()) {
            link.connection().send(link.encoder().log(message));
        }
    }

    // ---- package API for the collaborators ----

    VirtualMachine vm() {
        return vm;
    }

    boolean votingAllowed() {
        return viewReady && simulation.isSynced();
    }

    ReplicaOwner owner() {
        return owner;
    }

    Snapshots snapshots() {
        return snapshots;
    }

    Reflections reflections() {
        return reflections;
    }

    Simulation simulation() {
        return simulation;
    }

    RootView root() {
        return root;
    }

    ReflectorStream stream() {
        return stream;
    }

    Outbox outbox() {
        return outbox;
    }

    Link link() {
        return link;
    }

    /** True once this client's view-join ran and until the replica is torn down. */
    boolean viewReady() {
        return viewReady;
    }

    Lifecycle lifecycle() {
        return lifecycle;
    }

    SecureRandom random() {
        return random;
    }

    void problem(SessionProblem problem) {
        log.problem(problem);
    }

    void debug(DebugFlag flag, Supplier<String> message) {
        log.debug(flag, message);
    }

    // ---- teardown ----

    void tearDown() {
        root.reset();
        if (framing) {
            framing = false;
            owner.stopFrames();
        }
        stream.reset();
        link.cancelRejoin();
        vm = null;
        rootModel = null;
        outbox.reset();
        viewReady = false;
        simulation.reset();
        snapshots.reset();
        reflections.reset();
    }
}
