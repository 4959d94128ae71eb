package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.Subscription;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One replica of a session's models: executes reflected messages and future messages in Croquet's
 * order, so every replica fed the same stream holds bit-identical state. Thread rule: single owner,
 * the thread that called {@link #create} or {@link #restore}; every entry checks it.
 *
 * <p>Ordering: messages run by time; at equal time futures run before external messages, futures in
 * creation order and external messages in reflector seq order (uint32, wrapping). Scheduled external
 * messages wait in a FIFO outside the replicated state, so a snapshot never depends on how far a
 * replica has received: it holds the futures, models, subscriptions, views table, random state, time
 * and the seq of the last external message executed. {@link #advanceTo} runs messages up to a time
 * within a deadline, at least one per call, and then sets the time to the reflector's even when nothing
 * ran. Exceptions from model handlers are contained and reported through {@link VmHost#onHandlerError};
 * anything else (a sequence error, a failing root {@code init}) is fatal for the replica.
 */
public final class VirtualMachine {
  private static final String VM_RECEIVER = "_";
  private static final long SNAPSHOT_MIN_POLL_GAP = 5_000;
  private static final long PERSIST_MIN_POLL_GAP = 25_000;
  private static final Object[] NO_ARGS = {};

  private final Thread owner = Thread.currentThread();
  private final Registry registry;
  private final VmHost host;
  private final VmCodec codec;
  private final VmState state;
  private final ModelRuntime runtime;
  private final ViewDomain viewDomain;
  private final ArrayDeque<Scheduled> externals = new ArrayDeque<>();
  private long acceptedSeq;
  private long acceptedTime;
  private long targetTime;
  private boolean executing;
  private Subscription active;
  private FutureMessage running;
  private boolean runningCancelled;
  private boolean initializingRoot;
  private byte[] persistedData;

  private record Scheduled(long time, long seq, ExternalMessage message) {}

  private VirtualMachine(Registry registry, VmHost host, VmState state) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.host = Objects.requireNonNull(host, "host");
    this.codec = new VmCodec(registry, this::lookUpModel);
    this.state = state;
    this.runtime = new ModelRuntime(this, state);
    this.viewDomain = new ViewDomain(this, host);
    this.acceptedSeq = state.externalSeq;
    this.acceptedTime = state.externalTime;
    this.targetTime = state.time;
  }

  /**
   * Starts a new session: creates the root model at time 0 and runs its {@code init(options, persisted)}.
   * An exception from the root's init is fatal and propagates.
   */
  public static VirtualMachine create(Registry registry, String sessionId, Class<? extends Model> rootType,
      Object options, Object persisted, VmHost host) {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(rootType, "rootType");
    VirtualMachine vm = new VirtualMachine(registry, host, VmState.fresh(sessionId));
    vm.createRoot(rootType, options, persisted);
    return vm;
  }

  /** Rebuilds a replica from {@link Snapshot#bytes()}; no {@code init} runs. */
  public static VirtualMachine restore(Registry registry, byte[] snapshot, VmHost host) {
    Objects.requireNonNull(snapshot, "snapshot");
    Map<?, ?> image = new VmCodec(registry, id -> null).decodeState(snapshot);
    if (!registry.versionId().equals(image.get("versionId"))) {
      throw new IllegalArgumentException("snapshot was taken by code version " + image.get("versionId")
          + " but this registry is " + registry.versionId() + "; a snapshot only restores with the code that wrote it");
    }
    VirtualMachine vm = new VirtualMachine(registry, host, VmState.fromImage(image));
    vm.state.models.values().forEach(model -> ModelAccess.attach(model, vm.runtime));
    return vm;
  }

  /** Decodes data persisted by {@code persistSession} (from {@link VmHost#onPersist}) for the next session's root init. */
  public static Object decodePersisted(Registry registry, byte[] data) {
    return new VmCodec(registry, id -> null).decodePersisted(data);
  }

  private void createRoot(Class<? extends Model> rootType, Object options, Object persisted) {
    executing = true;
    initializingRoot = true;
    try {
      Model root = runtime.instantiate(rootType);
      state.rootId = root.id();
      state.wellKnown.put("modelRoot", root.id());
      ModelAccess.initRoot(root, options, persisted);
    } finally {
      executing = false;
      initializingRoot = false;
    }
  }

  // ---- client API ----

  /**
   * Queues a reflected message. {@code seq} must be the previous seq plus 1 (uint32, the first after a
   * fresh start is 0xFFFFFFF1) and {@code time} must not be earlier than any time before it.
   *
   * @throws ExternalSequenceException on a gap, a repeated or backwards seq, or a backwards time
   */
  public void schedule(long time, long seq, ExternalMessage message) {
    checkIdle("schedule");
    Objects.requireNonNull(message, "message");
    if (seq < 0 || seq > Seq.MASK) {
      throw new IllegalArgumentException("seq must be a uint32, got " + seq);
    }
    long expected = Seq.next(acceptedSeq);
    if (seq != expected) {
      throw new ExternalSequenceException("external message seq " + Seq.hex(seq) + " after " + Seq.hex(acceptedSeq)
          + ": expected " + Seq.hex(expected) + (Seq.compare(seq, expected) > 0 ? " (gap)" : " (repeated or backwards)"));
    }
    if (time < acceptedTime || time < state.time) {
      throw new ExternalSequenceException("external message " + Seq.hex(seq) + " at " + time
          + " ms is earlier than the VM time " + Math.max(acceptedTime, state.time) + " ms");
    }
    externals.add(new Scheduled(time, seq, message));
    acceptedSeq = seq;
    acceptedTime = time;
    targetTime = Math.max(targetTime, time);
  }

  /**
   * Runs every message with time up to {@code time}, then sets the VM time to {@code time}. Stops early
   * once {@link System#nanoTime()} passes {@code deadlineNanos} (e.g. {@code nanoTime() + budget}), but
   * always runs at least one message.
   *
   * @return true when caught up to {@code time}; false when the deadline stopped it first
   */
  public boolean advanceTo(long time, long deadlineNanos) {
    return advance(time, true, deadlineNanos);
  }

  /** Runs every message with time up to {@code time} without a deadline (catch-up in tests and tools). */
  public void advanceTo(long time) {
    advance(time, false, 0);
  }

  private boolean advance(long time, boolean limited, long deadlineNanos) {
    checkIdle("advanceTo");
    targetTime = Math.max(targetTime, time);
    executing = true;
    try {
      while (runNext(time)) {
        // nanoTime values are compared by difference, as System.nanoTime requires.
        if (limited && System.nanoTime() - deadlineNanos >= 0 && hasNext(time)) {
          return false;
        }
      }
    } finally {
      executing = false;
    }
    state.time = Math.max(state.time, time);
    return true;
  }

  private boolean hasNext(long limit) {
    FutureMessage future = state.futures.peek();
    Scheduled external = externals.peek();
    return (future != null && future.time <= limit) || (external != null && external.time <= limit);
  }

  private boolean runNext(long limit) {
    FutureMessage future = state.futures.peek();
    Scheduled external = externals.peek();
    if (future != null && future.time <= limit && (external == null || future.time <= external.time)) {
      state.futures.poll();
      state.time = future.time;
      runFuture(future);
      return true;
    }
    if (external != null && external.time <= limit) {
      externals.poll();
      state.time = external.time;
      state.externalTime = external.time;
      state.externalSeq = external.seq;
      runExternal(external.message);
      return true;
    }
    return false;
  }

  /** The VM time in ms. */
  public long time() {
    checkThread();
    return state.time;
  }

  /** The seq of the last external message executed (what a snapshot taken now covers). */
  public long externalSeq() {
    checkThread();
    return state.externalSeq;
  }

  /** The time of the last external message executed. */
  public long externalTime() {
    checkThread();
    return state.externalTime;
  }

  /** How far behind the reflector this replica is. */
  public Backlog backlog() {
    checkThread();
    return new Backlog(state.time, targetTime, externals.size());
  }

  /** The session id. */
  public String sessionId() {
    return state.sessionId;
  }

  /** The registry this VM runs. */
  public Registry registry() {
    return registry;
  }

  /** The root model (also well known as {@code "modelRoot"}), or null if it was destroyed. */
  public Model rootModel() {
    checkThread();
    return state.models.get(state.rootId);
  }

  /** Number of views in the session. */
  public int viewCount() {
    checkThread();
    return state.views.size();
  }

  /** True when the views table holds {@code viewId}: a joining client is in once its own view-join ran. */
  public boolean hasView(String viewId) {
    checkThread();
    return state.views.contains(viewId);
  }

  /** True if a model subscribes to exactly {@code scope:event}; only then does a view's event go to the reflector. */
  public boolean isModelSubscribed(String scope, String event) {
    checkThread();
    return state.subscriptions.hasSubscribers(ModelSubscriptions.topic(scope, event));
  }

  /** The views of this replica; the host drains its events in the view phase. */
  public ViewDomain viewDomain() {
    return viewDomain;
  }

  /** Encodes a view-to-model payload: models travel as references to their ids. */
  public byte[] encodeEvent(Object data) {
    checkThread();
    return codec.encodePayload(data);
  }

  /** Decodes a payload made by {@link #encodeEvent}, resolving model references in this VM. */
  public Object decodeEvent(byte[] data) {
    checkThread();
    return codec.decodePayload(data);
  }

  /** Takes a snapshot of the whole replicated state; see {@link #capture()} to keep hashing off this thread. */
  public Snapshot snapshot() {
    return capture().seal();
  }

  /** The model-thread part of a snapshot: the canonical encoding only. Seal it on any thread. */
  public CapturedSnapshot capture() {
    checkThread();
    return new CapturedSnapshot(codec.encodeState(state.toImage(registry.versionId())), state.time, state.externalSeq);
  }

  // ---- execution ----

  private void runFuture(FutureMessage future) {
    if (future.ref.modelId().equals(VM_RECEIVER)) {
      triggerPersistencePoll();
      return;
    }
    Model model = state.models.get(future.ref.modelId());
    if (model == null) {
      return;
    }
    running = future;
    runningCancelled = false;
    try {
      invoke(model, future.ref, future.args, null, null);
    } finally {
      running = null;
    }
    if (future.period > 0 && !runningCancelled && state.models.get(future.ref.modelId()) == model) {
      future.time = state.time + future.period;
      future.seq = state.nextFutureSeq();
      state.futures.add(future);
    }
  }

  /** Marks the repeating future now running as cancelled if it matches, so it is not queued again. */
  boolean cancelRunningRepeat(Predicate<FutureMessage> filter) {
    if (running == null || running.period == 0 || runningCancelled || !filter.test(running)) {
      return false;
    }
    runningCancelled = true;
    return true;
  }

  private void runExternal(ExternalMessage message) {
    if (message instanceof ExternalMessage.ModelEvent event) {
      runViewEvent(event);
    } else if (message instanceof ExternalMessage.Bundle bundle) {
      bundle.events().forEach(this::runViewEvent);
    } else if (message instanceof ExternalMessage.Peers peers) {
      runPeers(peers);
    } else if (message instanceof ExternalMessage.SnapshotPoll) {
      runSnapshotPoll();
    } else if (message instanceof ExternalMessage.Tally tally) {
      callHost(() -> host.onTally(tally));
    }
  }

  private void runViewEvent(ExternalMessage.ModelEvent event) {
    Object data;
    try {
      data = event.data() == null ? null : codec.decodePayload(event.data());
    } catch (RuntimeException e) {
      reportModelError("payload decoder", "event " + event.scope() + ":" + event.event(), e);
      return;
    }
    dispatch(event.scope(), event.event(), data, Subscription.Source.VIEW);
  }

  private void runPeers(ExternalMessage.Peers peers) {
    List<ViewsTable.Change> changes = state.views.apply(peers, this::decodeViewData);
    for (ViewsTable.Change change : changes) {
      dispatch(state.sessionId, change.event(), change.payload(), Subscription.Source.MODEL);
    }
    int counted = state.views.connections();
    if (counted != peers.count()) {
      String message = "view-exit-mismatch: reflector counts " + peers.count() + " connections, views table " + counted;
      callHost(() -> host.onWarning(message));
    }
  }

  private Object decodeViewData(byte[] data) {
    try {
      return codec.decodePayload(data);
    } catch (RuntimeException e) {
      reportModelError("viewData decoder", "view-join", e);
      return null;
    }
  }

  private void runSnapshotPoll() {
    if (state.lastSnapshotPoll != VmState.NEVER && state.time - state.lastSnapshotPoll < SNAPSHOT_MIN_POLL_GAP) {
      return;
    }
    state.lastSnapshotPoll = state.time;
    long time = state.time;
    long seq = state.externalSeq;
    callHost(() -> host.onSnapshotPoll(time, seq));
  }

  /** Model-to-model delivery: synchronous, generic handlers first, on copies of the handler lists. */
  void dispatch(String scope, String event, Object data, Subscription.Source source) {
    ModelSubscriptions subscriptions = state.subscriptions;
    String topic = ModelSubscriptions.topic(scope, event);
    List<MethodRef> generic = subscriptions.genericFor(scope, event);
    List<MethodRef> specific = subscriptions.handlersFor(topic);
    if (generic.isEmpty() && specific.isEmpty()) {
      return;
    }
    Subscription previous = active;
    active = new Subscription(scope, event, source);
    Object[] args = {data};
    long removals = subscriptions.removals();
    try {
      for (MethodRef ref : generic) {
        if (subscriptions.removals() == removals || subscriptions.isLiveGeneric(scope, event, ref)) {
          invokeHandler(ref, args, scope, event);
        }
      }
      for (MethodRef ref : specific) {
        if (subscriptions.removals() == removals || subscriptions.isLive(topic, ref)) {
          invokeHandler(ref, args, scope, event);
        }
      }
    } finally {
      active = previous;
    }
  }

  private void invokeHandler(MethodRef ref, Object[] args, String scope, String event) {
    Model model = state.models.get(ref.modelId());
    if (model != null) {
      invoke(model, ref, args, scope, event);
    }
  }

  /** Runs model code, containing its exceptions: every replica skips the rest of the handler alike. */
  private void invoke(Model model, MethodRef ref, Object[] args, String scope, String event) {
    try {
      Handlers.Invoker invoker = Handlers.invoker(model.getClass(), ref);
      // A subscriber taking no data gets no argument; every other call passes its args as given.
      Object[] actual = invoker.arity() == 0 ? NO_ARGS : args;
      invoker.handle().invokeExact(model, actual);
    } catch (Error e) {
      throw e;
    } catch (Throwable t) {
      reportModelError(ref.toString(), scope == null ? "future" : "event " + scope + ":" + event, t);
    }
  }

  private void reportModelError(String handler, String trigger, Throwable t) {
    HandlerError error = new HandlerError(true, handler, trigger, state.time, t);
    callHost(() -> host.onHandlerError(error));
  }

  /** Model-to-view delivery, with model execution switched off while immediate view handlers run. */
  void deliverToViews(String scope, String event, Object data) {
    if (!viewDomain.hasSubscriptions()) {
      return;
    }
    boolean was = executing;
    executing = false;
    try {
      viewDomain.handleEvent(scope, event, data);
    } finally {
      executing = was;
    }
  }

  /** Host callbacks are not model code: they may take a snapshot but not mutate models. */
  private void callHost(Runnable callback) {
    boolean was = executing;
    executing = false;
    try {
      callback.run();
    } finally {
      executing = was;
    }
  }

  // ---- persistence (Croquet's vm.persist / triggerPersistencePoll) ----

  void persist(Object data) {
    byte[] bytes = codec.encodePersisted(data);
    String hash = VmCodec.sha256Hex(bytes);
    if (hash.equals(state.persistedHash)) {
      return;
    }
    state.persistedHash = hash;
    persistedData = bytes;
    if (initializingRoot) {
      return;
    }
    long since = state.time - state.lastPersistencePoll;
    if (state.lastPersistencePoll != VmState.NEVER && since < PERSIST_MIN_POLL_GAP) {
      if (!state.persistCoolOff) {
        state.persistCoolOff = true;
        MethodRef poll = new MethodRef(VM_RECEIVER, "triggerPersistencePoll", "()V");
        state.futures.add(new FutureMessage(state.time + PERSIST_MIN_POLL_GAP - since, state.nextFutureSeq(),
            ++state.futureIds, poll, NO_ARGS, 0));
      }
    } else {
      triggerPersistencePoll();
    }
  }

  private void triggerPersistencePoll() {
    state.persistCoolOff = false;
    state.lastPersistencePoll = state.time;
    if (persistedData != null) {
      byte[] data = persistedData;
      String hash = state.persistedHash;
      callHost(() -> host.onPersist(data, hash));
    }
  }

  // ---- checks used by ModelRuntime and ViewDomain ----

  void checkThread() {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("VM of session " + state.sessionId + " is owned by thread \"" + owner.getName()
          + "\" but was called from \"" + Thread.currentThread().getName() + "\"; run models and views on the owner thread");
    }
  }

  private void checkIdle(String what) {
    checkThread();
    if (executing) {
      throw new IllegalStateException(what + " called while model code is executing; call it from the client loop");
    }
  }

  boolean executesModelCode(Model model) {
    return Thread.currentThread() == owner && executing && ModelAccess.runtime(model) == runtime;
  }

  String executionDescription() {
    if (Thread.currentThread() != owner) {
      return "called from thread \"" + Thread.currentThread().getName() + "\", the VM runs on \"" + owner.getName() + "\"";
    }
    return executing ? "another VM is executing" : "no model message is executing (view or client code?)";
  }

  Subscription activeSubscription() {
    return active;
  }

  ModelRuntime runtime() {
    return runtime;
  }

  private Model lookUpModel(String id) {
    return state.models.get(id);
  }
}
