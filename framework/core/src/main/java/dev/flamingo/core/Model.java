package dev.flamingo.core;

import dev.flamingo.core.vm.ModelRuntime;
import java.util.Optional;

/**
 * Base class of replicated models: subclass it, keep state in non-{@code transient} fields, react to
 * events with method-reference handlers, and every replica stays bit-identical. Thread rule: the VM's
 * thread only; mutating calls are allowed only while model code executes.
 *
 * <p>Models are created with {@link #create(Class, Object)} from model code (the VM creates the root);
 * {@code new} from user code throws. {@link #init(Object)} runs once, at first creation, never when a
 * replica is restored from a snapshot. Handlers must be method references to methods of this model
 * ({@code this::onPost}), because only the method name is stored. Use {@link #now()} and
 * {@link #random()} instead of the wall clock and {@code Random}, and {@code StrictMath} for
 * transcendental functions.
 */
public abstract class Model {
  private String id;
  // Attached by the VM at creation and after a restore; not part of the snapshot.
  private transient ModelRuntime runtime;
  // The snapshot encoder's note of this model's index in the encoding it is writing (see
  // TypeRegistry.indexInField), so a snapshot of many models needs no identity-table lookup per model.
  private transient long snapshotIndex;

  /** Claims the creation ticket the VM issued; throws when user code calls {@code new}. */
  protected Model() {
    ModelRuntime.Birth birth = ModelRuntime.claimBirth(this);
    this.id = birth.id();
    this.runtime = birth.runtime();
  }

  /** Initializes a newly created model; runs only at first creation, never on restore. */
  protected void init(Object options) {}

  /** Initializes the root model with the session options and any persisted data; defaults to {@link #init(Object)}. */
  protected void init(Object options, Object persisted) {
    init(options);
  }

  /** The model id, {@code "M" + n}, unique within the session and kept across snapshots. */
  public final String id() {
    return id;
  }

  /** The session id of the VM this model lives in. */
  public final String sessionId() {
    return runtime.sessionId();
  }

  /** Number of views (clients) currently in the session. */
  public final int viewCount() {
    return runtime.viewCount();
  }

  /** Simulation time in ms: the time of the message executing now, or the latest reflector time. */
  public final long now() {
    return runtime.now();
  }

  /** The model registered under {@code id}, or {@code null} if there is none (any more). */
  public final Model getModel(String id) {
    return runtime.getModel(id);
  }

  /** The model registered with {@link #beWellKnownAs}, or {@code null}. */
  public final Model wellKnownModel(String name) {
    return runtime.wellKnownModel(name);
  }

  /** Destroys this model: removes its subscriptions, pending futures and well-known names. Overrides must call super. */
  public void destroy() {
    runtime.destroy(this);
  }

  /** Creates a model of a registered class and runs its {@link #init(Object)}; model code only. */
  protected final <M extends Model> M create(Class<M> type, Object options) {
    return runtime.create(this, type, options);
  }

  /** Creates a model of a registered class with no options. */
  protected final <M extends Model> M create(Class<M> type) {
    return create(type, null);
  }

  /** The session-seeded random number in [0, 1); identical on every replica, state in the snapshot. */
  protected final double random() {
    return runtime.random(this);
  }

  /** Publishes an event without data; model subscribers run synchronously, views in their next phase. */
  protected final void publish(String scope, String event) {
    publish(scope, event, null);
  }

  /**
   * Publishes an event; model subscribers run synchronously and share {@code data} by reference. An event
   * ending in {@code #reflected} (Croquet's spelling) is {@link #publishReflected} of the plain event.
   */
  protected final void publish(String scope, String event, Object data) {
    runtime.publish(this, scope, event, data);
  }

  /** Publishes a reflected event without data; see {@link #publishReflected(String, String, Object)}. */
  protected final void publishReflected(String scope, String event) {
    publishReflected(scope, event, null);
  }

  /**
   * Publishes a reflected event (Croquet's {@code publish(scope, event + "#reflected", data)}): instead of
   * running model subscribers now, every synced replica sends its copy of {@code data} to the reflector as
   * a vote. The reflector sequences the first copy it gets like a view event, so model subscribers of exactly
   * {@code scope:event} receive it once on every replica, late joiners included, in reflector order; then it
   * tallies the copies. If they disagree, model subscribers of {@link #subscribeDivergence} get the
   * {@link Votes} (without one, the session reports an uncaptured divergence); views subscribed with
   * {@link Handling#VOTE} get every tally. Local views subscribed to {@code scope:event} get this replica's
   * {@code data} at once, as with {@link #publish}.
   *
   * <p>{@code data} is encoded here, on every replica alike, so data that cannot be encoded (an unregistered
   * class) or that exceeds 16 KiB encoded throws {@link IllegalArgumentException} everywhere. Replicas still
   * catching up execute the publish without voting, as in Croquet; if no replica is synced, nothing arrives.
   */
  protected final void publishReflected(String scope, String event, Object data) {
    runtime.publishReflected(this, scope, event, data);
  }

  /**
   * Subscribes a method of this model to the tally of the reflected event {@code scope:event} when its
   * copies disagree (Croquet's {@code subscribe(scope, event + "#divergence", handler)}, which works too).
   * The handler runs at the same point on every replica; its {@link Votes#mine()} is always null.
   */
  protected final <T> void subscribeDivergence(String scope, String event, Handler1<Votes<T>> handler) {
    runtime.subscribe(this, scope, event + ModelRuntime.DIVERGENCE, handler);
  }

  /** Subscribes a method of this model taking no data; {@code "*"} as scope or event subscribes generically. */
  protected final void subscribe(String scope, String event, Handler0 handler) {
    runtime.subscribe(this, scope, event, handler);
  }

  /** Subscribes a method of this model taking the event data; {@code "*"} subscribes generically. */
  protected final <T> void subscribe(String scope, String event, Handler1<T> handler) {
    runtime.subscribe(this, scope, event, handler);
  }

  /** Removes every handler of this model for the topic. */
  protected final void unsubscribe(String scope, String event) {
    runtime.unsubscribe(this, scope, event, null);
  }

  /** Removes one handler of this model for the topic. */
  protected final void unsubscribe(String scope, String event, Handler0 handler) {
    runtime.unsubscribe(this, scope, event, handler);
  }

  /** Removes one handler of this model for the topic. */
  protected final <T> void unsubscribe(String scope, String event, Handler1<T> handler) {
    runtime.unsubscribe(this, scope, event, handler);
  }

  /** Removes every subscription of this model, generic ones included. */
  protected final void unsubscribeAll() {
    runtime.unsubscribeAll(this);
  }

  /** The subscription whose handler is executing right now, if any. */
  protected final Optional<Subscription> activeSubscription() {
    return runtime.activeSubscription(this);
  }

  /** Calls {@code handler} at {@code now() + delayMs}; futures run before external messages at equal time. */
  protected final FutureHandle future(long delayMs, Handler0 handler) {
    return runtime.future(this, delayMs, 0, handler);
  }

  /** Calls {@code handler(a)} at {@code now() + delayMs}; the argument is kept by reference. */
  protected final <A> FutureHandle future(long delayMs, Handler1<A> handler, A a) {
    return runtime.future(this, delayMs, 0, handler, a);
  }

  /** Calls {@code handler(a, b)} at {@code now() + delayMs}. */
  protected final <A, B> FutureHandle future(long delayMs, Handler2<A, B> handler, A a, B b) {
    return runtime.future(this, delayMs, 0, handler, a, b);
  }

  /** Calls {@code handler(a, b, c)} at {@code now() + delayMs}. */
  protected final <A, B, C> FutureHandle future(long delayMs, Handler3<A, B, C> handler, A a, B b, C c) {
    return runtime.future(this, delayMs, 0, handler, a, b, c);
  }

  /** Calls {@code handler} every {@code periodMs}, first at {@code now() + periodMs}, until cancelled or destroyed. */
  protected final FutureHandle futureRepeat(long periodMs, Handler0 handler) {
    return runtime.future(this, periodMs, periodMs, handler);
  }

  /** Calls {@code handler(a)} every {@code periodMs}, first at {@code now() + periodMs}. */
  protected final <A> FutureHandle futureRepeat(long periodMs, Handler1<A> handler, A a) {
    return runtime.future(this, periodMs, periodMs, handler, a);
  }

  /** Cancels the future (one-shot or repeating) identified by {@code handle}; false if it is no longer pending. */
  protected final boolean cancelFuture(FutureHandle handle) {
    return runtime.cancelFuture(this, handle);
  }

  /** Cancels the earliest pending future of this model that calls {@code handler}. */
  protected final boolean cancelFuture(Handler0 handler) {
    return runtime.cancelFuture(this, handler);
  }

  /** Cancels the earliest pending future of this model that calls {@code handler}. */
  protected final <A> boolean cancelFuture(Handler1<A> handler) {
    return runtime.cancelFuture(this, handler);
  }

  /** Cancels the earliest pending future of this model that calls {@code handler}. */
  protected final <A, B> boolean cancelFuture(Handler2<A, B> handler) {
    return runtime.cancelFuture(this, handler);
  }

  /** Cancels the earliest pending future of this model that calls {@code handler}. */
  protected final <A, B, C> boolean cancelFuture(Handler3<A, B, C> handler) {
    return runtime.cancelFuture(this, handler);
  }

  /** Cancels every pending future of this model (Croquet's {@code cancelFuture("*")}); returns true if any was pending. */
  protected final boolean cancelAllFutures() {
    return runtime.cancelAllFutures(this);
  }

  /** Registers this model under {@code name} for {@link #wellKnownModel}. */
  protected final void beWellKnownAs(String name) {
    runtime.beWellKnownAs(this, name);
  }

  /** Throws {@link IllegalStateException} unless model code of this model's VM is executing now. */
  protected final void modelOnly() {
    runtime.modelOnly(this, null);
  }

  /** Like {@link #modelOnly()}, with {@code message} explaining what the caller tried to do. */
  protected final void modelOnly(String message) {
    runtime.modelOnly(this, message);
  }

  /**
   * Root model only: offers {@code data} (encoded with the snapshot codec) as the session's persistent
   * state, which survives code changes and is handed to {@link #init(Object, Object)} of a new session.
   */
  protected final void persistSession(Object data) {
    runtime.persistSession(this, data);
  }

  /** Models have identity semantics; the hash is derived from the id so it is the same on every replica. */
  @Override
  public final boolean equals(Object other) {
    return this == other;
  }

  /** Derived from the id, never from identity, so hash-ordered collections of models replicate. */
  @Override
  public final int hashCode() {
    return id.hashCode();
  }

  /** The simple class name and id, e.g. {@code ChatModel#M1}. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "#" + id;
  }
}
