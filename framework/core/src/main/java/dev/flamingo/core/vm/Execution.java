package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import dev.flamingo.core.Subscription;
import dev.flamingo.core.Votes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs messages inside one VM: futures, external messages, model-to-model dispatch with contained
 * handler exceptions, model-to-view delivery and the system callbacks. Tracks whether model code is
 * executing, which handler is active, and which future is running. Model thread only.
 *
 * <p>Reflected events (Croquet's {@code #reflected}) are keyed by the message that published them: every
 * message has its own tag ({@code e<seq>} for external messages, {@code f<seq>} for futures, {@code init}
 * for the root's init) and the publishes within one message are counted. Snapshots are taken only between
 * messages, so that counter is never part of the state, and a restored replica computes the same keys.
 */
final class Execution {
  private static final long SNAPSHOT_MIN_POLL_GAP = 5_000;
  private static final long PERSIST_MIN_POLL_GAP = 25_000;
  private static final Object[] NO_ARGS = {};

  private final VmState state;
  private final VmHost host;
  private final VmCodec codec;
  private final ViewDomain viewDomain;
  private boolean executing;
  private Subscription active;
  private FutureMessage running;
  private boolean runningCancelled;
  private boolean initializingRoot;
  private byte[] persistedData;
  private String messageTag = "init";
  private int reflections;

  Execution(VmState state, VmHost host, VmCodec codec, ViewDomain viewDomain) {
    this.state = state;
    this.host = host;
    this.codec = codec;
    this.viewDomain = viewDomain;
  }

  boolean executing() {
    return executing;
  }

  Subscription activeSubscription() {
    return active;
  }

  /**
   * True when no model code is on the stack, so the state is between messages: a snapshot taken inside a
   * handler would hold half a message's effects, and one taken during a repeating future would miss it.
   */
  boolean atMessageBoundary() {
    return !executing && active == null && running == null;
  }

  /** Model code may run from now until {@link #exit()}; the root's init additionally marks itself. */
  void enter(boolean rootInit) {
    executing = true;
    initializingRoot = rootInit;
    if (rootInit) {
      startMessage("init");
    }
  }

  private void startMessage(String tag) {
    messageTag = tag;
    reflections = 0;
  }

  void exit() {
    executing = false;
    initializingRoot = false;
  }

  /** Runs a reflected message at its time, recording its time and seq as the last executed. */
  void runExternal(long time, long seq, ExternalMessage message) {
    state.time = time;
    state.externalTime = time;
    state.externalSeq = seq;
    startMessage("e" + Long.toHexString(seq));
    runExternal(message);
  }

  /** Runs a future message at its time. */
  void runDue(FutureMessage future) {
    state.time = future.time;
    startMessage("f" + Long.toHexString(future.seq));
    runFuture(future);
  }

  private void runFuture(FutureMessage future) {
    Model model = future.model;
    if (model == null) {
      triggerPersistencePoll();
      return;
    }
    running = future;
    runningCancelled = false;
    try {
      invoke(model, future.ref(), future.args, null, null);
    } finally {
      running = null;
    }
    // destroy() and cancelFuture() during the run set runningCancelled.
    if (future.period > 0 && !runningCancelled) {
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
    } else if (message instanceof ExternalMessage.ReflectedEvent reflected) {
      runReflectedEvent(reflected);
    } else if (message instanceof ExternalMessage.ReflectedTally tally) {
      runReflectedTally(tally);
    }
  }

  private void runViewEvent(ExternalMessage.ModelEvent event) {
    dispatchExternal(event.scope(), event.event(), event.data(), "event ", Subscription.Source.VIEW);
  }

  /**
   * Decodes and dispatches an event that came through the reflector; one named like the system's peers
   * events is refused (only the reflector's users messages produce those), and data that does not decode is
   * reported, on every replica alike.
   */
  private void dispatchExternal(String scope, String event, byte[] encoded, String what, Subscription.Source source) {
    if (ViewsTable.isSystemEvent(state.sessionId, scope, event)) {
      callHost(() -> host.onWarning("ignored a reflected " + event + ": only peers messages produce it"));
      return;
    }
    Object data;
    try {
      data = encoded == null ? null : codec.decodePayload(encoded);
    } catch (RuntimeException e) {
      reportModelError("payload decoder", what + scope + ":" + event, e);
      return;
    }
    dispatch(scope, event, data, source);
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

  // ---- reflected events (Croquet's #reflected, TUTTI and its tally) ----

  /**
   * A model published {@code scope:event} as reflected. The data is encoded and the key counted on every
   * replica, voting or not, so that a failure throws alike everywhere and keys stay identical; only a voting
   * replica hands the event to the host.
   */
  void reflect(String scope, String event, Object data) {
    String topic = ModelSubscriptions.topic(scope, event);
    byte[] encoded = data == null ? null : codec.encodePayload(data);
    int size = Reflection.size(scope, event, encoded);
    if (size > Reflection.MAX_BYTES) {
      throw new IllegalArgumentException("reflected event " + topic + " takes " + size + " bytes encoded, over the "
          + Reflection.MAX_BYTES + " bytes of an event; reflect a smaller value");
    }
    String key = "reflected@" + state.time + "#" + messageTag + (reflections == 0 ? "" : "." + reflections);
    reflections++;
    if (!host.voting()) {
      return;
    }
    boolean wantsFirst = state.subscriptions.hasSubscribers(topic);
    Reflection reflection = new Reflection(scope, event, key, state.time, encoded, wantsFirst,
        viewDomain.hasVoteSubscribers(topic));
    callHost(() -> host.onReflected(reflection));
  }

  private void runReflectedEvent(ExternalMessage.ReflectedEvent event) {
    dispatchExternal(event.scope(), event.event(), event.data(), "reflected event ", Subscription.Source.REFLECTED);
  }

  /**
   * A tally: models subscribed to the divergence get it when the copies disagree (else the host warns), then
   * views subscribed with VOTE get it with their own copy marked. Unlike Croquet, where a view's vote
   * subscription on whichever replica voted first turned the model's divergence handling off, the model side
   * here never depends on views.
   */
  private void runReflectedTally(ExternalMessage.ReflectedTally tally) {
    String topic = ModelSubscriptions.topic(tally.scope(), tally.event());
    // Decoded once for models and views alike; a copy that does not decode is left out on every replica.
    List<Votes.Copy<Object>> copies = new ArrayList<>();
    Votes.Copy<Object> mine = null;
    for (int i = 0; i < tally.copies().size(); i++) {
      Votes.Copy<Object> copy = decodeCopy(tally.copies().get(i), topic);
      if (copy != null) {
        copies.add(copy);
        mine = i == tally.mine() ? copy : mine;
      }
    }
    if (copies.isEmpty()) {
      return;
    }
    Votes<Object> votes = new Votes<>(tally.scope(), tally.event(), copies, tally.missing(), null);
    if (!votes.agreed()) {
      String divergence = tally.event() + ModelRuntime.DIVERGENCE;
      if (state.subscriptions.hasSubscribers(ModelSubscriptions.topic(tally.scope(), divergence))) {
        dispatch(tally.scope(), divergence, votes, Subscription.Source.REFLECTED);
      } else {
        callHost(() -> host.onUncapturedDivergence(votes));
      }
    }
    if (viewDomain.hasVoteSubscribers(topic)) {
      Votes<Object> local = new Votes<>(tally.scope(), tally.event(), copies, tally.missing(), mine);
      boolean was = executing;
      executing = false;
      try {
        viewDomain.deliverVotes(tally.scope(), tally.event(), local);
      } finally {
        executing = was;
      }
    }
  }

  private Votes.Copy<Object> decodeCopy(ExternalMessage.Copy copy, String topic) {
    try {
      return new Votes.Copy<>(copy.data() == null ? null : codec.decodePayload(copy.data()), copy.voters());
    } catch (RuntimeException e) {
      reportModelError("payload decoder", "votes on " + topic, e);
      return null;
    }
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
    invoke(ref.model(), ref, args, scope, event);
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
        HandlerName poll = state.intern(new HandlerName("triggerPersistencePoll", "()V"));
        state.futures.add(new FutureMessage(state.time + PERSIST_MIN_POLL_GAP - since, state.nextFutureSeq(),
            ++state.futureIds, null, poll, NO_ARGS, 0));
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
}
