package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.snapshot.SealedEncoding;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One replica of a session's models: executes reflected messages and future messages in Croquet's
 * order, so every replica fed the same stream holds bit-identical state. Thread rule: single owner,
 * the thread that called {@link #create} or {@link #restore}, or the last one that called {@link #adopt};
 * every entry checks it.
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
  private volatile Thread owner = Thread.currentThread();
  private final Registry registry;
  private final VmCodec codec;
  private final VmState state;
  private final ModelRuntime runtime;
  private final ViewDomain viewDomain;
  private final Execution execution;
  private final ArrayDeque<Scheduled> externals = new ArrayDeque<>();
  private long acceptedSeq;
  private long acceptedTime;
  private long targetTime;
  // True from the start of advanceTo (or the root's creation) to its end: host callbacks made meanwhile
  // must not re-enter the loop.
  private boolean busy;

  private record Scheduled(long time, long seq, ExternalMessage message) {}

  private VirtualMachine(Registry registry, VmHost host, VmState state) {
    this.registry = Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(host, "host");
    this.codec = new VmCodec(registry, this::lookUpModel);
    this.state = state;
    this.runtime = new ModelRuntime(this, state);
    this.viewDomain = new ViewDomain(this, host);
    this.execution = new Execution(state, host, codec, viewDomain);
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

  /**
   * Rebuilds a replica from {@link Snapshot#bytes()}; no {@code init} runs.
   *
   * @throws IllegalArgumentException when the snapshot was written by other code or another framework
   *     build (checked before decoding), or is corrupt
   */
  public static VirtualMachine restore(Registry registry, byte[] snapshot, VmHost host) {
    Objects.requireNonNull(snapshot, "snapshot");
    VmState state = new VmCodec(registry, id -> null).decodeState(snapshot);
    state.afterDecode();
    VirtualMachine vm = new VirtualMachine(registry, host, state);
    vm.state.models.values().forEach(model -> ModelAccess.attach(model, vm.runtime));
    return vm;
  }

  /** Decodes data persisted by {@code persistSession} (from {@link VmHost#onPersist}) for the next session's root init. */
  public static Object decodePersisted(Registry registry, byte[] data) {
    return new VmCodec(registry, id -> null).decodePersisted(data);
  }

  private void createRoot(Class<? extends Model> rootType, Object options, Object persisted) {
    busy = true;
    execution.enter(true);
    try {
      Model root = runtime.instantiate(rootType);
      state.rootId = root.id();
      state.wellKnown.put("modelRoot", root.id());
      ModelAccess.initRoot(root, options, persisted);
    } finally {
      execution.exit();
      busy = false;
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
    busy = true;
    execution.enter(false);
    try {
      while (runNext(time)) {
        // nanoTime values are compared by difference, as System.nanoTime requires.
        if (limited && System.nanoTime() - deadlineNanos >= 0 && hasNext(time)) {
          return false;
        }
      }
    } finally {
      execution.exit();
      busy = false;
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
      execution.runDue(future);
      return true;
    }
    if (external != null && external.time <= limit) {
      externals.poll();
      execution.runExternal(external.time, external.seq, external.message);
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

  /** The ids of the views in the session, in join order. */
  public List<String> viewIds() {
    checkThread();
    return state.views.ids();
  }

  /** The model subscriptions, topic to handlers ({@code M3.onPost}), for debug logging. */
  public Map<String, List<String>> modelSubscriptions() {
    checkThread();
    return state.subscriptions.describe();
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

  /**
   * Takes a snapshot of the whole replicated state in one call: blocks of the encoding are compressed on
   * the common pool while this thread encodes, then this thread hashes and helps compress. See
   * {@link #capture()} to keep compression and hashing off this thread.
   */
  public Snapshot snapshot() {
    return whileEncodable(() -> {
      SealedEncoding sealed = codec.sealState(state);
      return new Snapshot(sealed.compressed(), VmCodec.hex(sealed.sha256()), state.time, state.externalSeq);
    });
  }

  /**
   * The model-thread part of a snapshot: the canonical encoding only; seal it on any thread. Allowed
   * between messages and from {@link VmHost#onSnapshotPoll}/{@link VmHost#onTally}.
   */
  public CapturedSnapshot capture() {
    return whileEncodable(() -> new CapturedSnapshot(codec.encodeState(state), state.time, state.externalSeq));
  }

  private <T> T whileEncodable(Supplier<T> encoding) {
    checkThread();
    if (!execution.atMessageBoundary()) {
      throw new IllegalStateException("a snapshot is taken between messages or from VmHost.onSnapshotPoll/onTally,"
          + " not while model code runs (from a handler error report or an immediate view handler)");
    }
    state.beforeEncode();
    try {
      return encoding.get();
    } finally {
      state.afterEncode();
    }
  }

  /**
   * True while model code of this VM runs on the calling thread (not view handlers it triggers): the inverse
   * of {@link dev.flamingo.core.Model#modelOnly()}, for calls only views may make. Any thread.
   */
  public boolean isRunningModelCode() {
    return Thread.currentThread() == owner && execution.executing();
  }

  /**
   * Makes the calling thread the owner, for a host that hands the replica from one thread to another (a
   * client stepped by the app's main loop after joining on its own thread). The host must order the two
   * threads' work (e.g. with a lock) so they never touch the VM at the same time.
   *
   * @throws IllegalStateException while the VM is running messages
   */
  public void adopt() {
    if (Thread.currentThread() == owner) {
      return;
    }
    if (busy) {
      throw new IllegalStateException("VM of session " + state.sessionId + " cannot change owner to \""
          + Thread.currentThread().getName() + "\" while \"" + owner.getName() + "\" is running messages");
    }
    owner = Thread.currentThread();
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
    if (busy) {
      throw new IllegalStateException(what + " called while the VM is running messages; call it from the client loop");
    }
  }

  boolean executesModelCode(Model model) {
    return Thread.currentThread() == owner && execution.executing() && ModelAccess.runtime(model) == runtime;
  }

  String executionDescription() {
    if (Thread.currentThread() != owner) {
      return "called from thread \"" + Thread.currentThread().getName() + "\", the VM runs on \"" + owner.getName() + "\"";
    }
    return execution.executing() ? "another VM is executing" : "no model message is executing (view or client code?)";
  }

  Execution execution() {
    return execution;
  }

  ModelRuntime runtime() {
    return runtime;
  }

  private Model lookUpModel(String id) {
    return state.models.get(id);
  }
}
