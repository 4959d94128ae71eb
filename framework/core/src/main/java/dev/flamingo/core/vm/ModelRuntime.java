package dev.flamingo.core.vm;

import dev.flamingo.core.FutureHandle;
import dev.flamingo.core.Model;
import dev.flamingo.core.Subscription;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The operations a {@link Model} delegates to, one instance per VM: validation of model-only calls,
 * creation, pub/sub, futures and destruction. Public only because models live in another package; not
 * for app authors or the client. Thread rule: the VM's thread; mutating calls only while model code
 * executes.
 */
public final class ModelRuntime {
  /** Croquet's event suffix asking for a reflected publish. */
  public static final String REFLECTED = "#reflected";
  /** Croquet's event suffix under which models get a reflected event's disagreeing tally. */
  public static final String DIVERGENCE = "#divergence";
  private static final ThreadLocal<Pending> BIRTH = new ThreadLocal<>();

  /** The creation ticket a model's constructor claims: its id and runtime. Thread rule: the VM's thread. */
  public record Birth(String id, ModelRuntime runtime) {}

  private record Pending(Class<?> type, Birth birth) {}

  private final VirtualMachine vm;
  private final VmState state;

  ModelRuntime(VirtualMachine vm, VmState state) {
    this.vm = vm;
    this.state = state;
  }

  /**
   * Called by {@link Model}'s constructor: hands over the ticket the VM issued for exactly this class
   * and registers the model under its id; refuses {@code new} from user code.
   */
  public static Birth claimBirth(Model model) {
    Class<?> type = model.getClass();
    Pending pending = BIRTH.get();
    if (pending == null || pending.type != type) {
      throw new IllegalStateException("new " + type.getSimpleName() + "() is not allowed: models are created from"
          + " model code with create(" + type.getSimpleName() + ".class, options), so every replica creates them alike");
    }
    BIRTH.remove();
    // Registered before any subclass constructor code runs, as Croquet's createNoInit does.
    pending.birth.runtime.state.models.put(pending.birth.id, model);
    return pending.birth;
  }

  /** The view domain of the VM {@code model} lives in, for a view built on it. */
  public static ViewDomain viewDomainOf(Model model) {
    Objects.requireNonNull(model, "model");
    return ModelAccess.runtime(model).vm.viewDomain();
  }

  <M extends Model> M instantiate(Class<M> type) {
    vm.registry().requireModelClass(type);
    String id = "M" + (++state.modelCount);
    BIRTH.set(new Pending(type, new Birth(id, this)));
    try {
      return ModelAccess.construct(type);
    } catch (RuntimeException | Error e) {
      state.models.remove(id); // registered by claimBirth, but its constructor failed: never a half-built model
      throw e;
    } finally {
      BIRTH.remove();
    }
  }

  /** The replicated state, for the VM's package (tests inspect it). */
  VmState state() {
    return state;
  }

  // ---- read-only, allowed from views on the VM's thread ----

  /** The session id. */
  public String sessionId() {
    return state.sessionId;
  }

  /** Number of views in the session. */
  public int viewCount() {
    vm.checkThread();
    return state.views.size();
  }

  /** The VM time. */
  public long now() {
    vm.checkThread();
    return state.time;
  }

  /** The model with {@code id}, or null. */
  public Model getModel(String id) {
    vm.checkThread();
    return state.models.get(id);
  }

  /** The well-known model named {@code name}, or null. */
  public Model wellKnownModel(String name) {
    vm.checkThread();
    String id = state.wellKnown.get(name);
    return id == null ? null : state.models.get(id);
  }

  // ---- model-only ----

  /** See {@link Model#modelOnly(String)}. */
  public void modelOnly(Model model, String message) {
    if (!vm.executesModelCode(model)) {
      throw new IllegalStateException((message == null ? "this call is allowed only in model code" : message)
          + " (" + model + " is not executing; " + vm.executionDescription() + ")");
    }
  }

  private void requireAlive(Model model, String what) {
    modelOnly(model, what + " is allowed only in model code");
    if (state.models.get(model.id()) != model) {
      throw new IllegalStateException(what + " on " + model + ", which was destroyed");
    }
  }

  /** See {@link Model#create(Class, Object)}. */
  public <M extends Model> M create(Model caller, Class<M> type, Object options) {
    requireAlive(caller, "create");
    M model = instantiate(type);
    ModelAccess.init(model, options);
    return model;
  }

  /** See {@link Model#random()}. */
  public double random(Model model) {
    modelOnly(model, "random() is the replicated generator, usable only in model code; views use java.util.Random");
    return state.random.nextDouble();
  }

  /** See {@link Model#publish(String, String, Object)}. */
  public void publish(Model model, String scope, String event, Object data) {
    if (event != null && event.endsWith(REFLECTED)) {
      publishReflected(model, scope, event.substring(0, event.length() - REFLECTED.length()), data);
      return;
    }
    requireAlive(model, "publish");
    Topics.check(scope, event, false);
    vm.execution().dispatch(scope, event, data, Subscription.Source.MODEL);
    vm.execution().deliverToViews(scope, event, data);
  }

  /** See {@link Model#publishReflected(String, String, Object)}. */
  public void publishReflected(Model model, String scope, String event, Object data) {
    requireAlive(model, "publishReflected");
    Topics.check(scope, event, false);
    if (event.endsWith(REFLECTED) || event.endsWith(DIVERGENCE)) {
      throw new IllegalArgumentException("publishReflected takes the plain event, got \"" + event + "\"");
    }
    vm.execution().reflect(scope, event, data);
    vm.execution().deliverToViews(scope, event, data);
  }

  /** See {@link Model#subscribe}. */
  public void subscribe(Model model, String scope, String event, Serializable handler) {
    requireAlive(model, "subscribe");
    Topics.check(scope, event, true);
    if (event.endsWith(REFLECTED)) {
      throw new IllegalArgumentException("#reflected is only a publish suffix: subscribe to \"" + scope + ":"
          + event.substring(0, event.length() - REFLECTED.length()) + "\" to receive the reflected event");
    }
    state.subscriptions.add(scope, event, state.ref(model, Handlers.reference(model, handler)));
  }

  /** See {@link Model#unsubscribe}; a null handler removes all of the model's handlers for the topic. */
  public void unsubscribe(Model model, String scope, String event, Serializable handler) {
    requireAlive(model, "unsubscribe");
    Topics.check(scope, event, true);
    MethodRef ref = handler == null ? null : state.ref(model, Handlers.reference(model, handler));
    state.subscriptions.remove(scope, event, model.id(), ref);
  }

  /** See {@link Model#unsubscribeAll()}. */
  public void unsubscribeAll(Model model) {
    requireAlive(model, "unsubscribeAll");
    state.subscriptions.removeAll(model.id());
  }

  /** See {@link Model#activeSubscription()}. */
  public Optional<Subscription> activeSubscription(Model model) {
    modelOnly(model, "activeSubscription() is allowed only in model code");
    return Optional.ofNullable(vm.execution().activeSubscription());
  }

  /** See {@link Model#future}; {@code periodMs > 0} repeats. */
  public FutureHandle future(Model model, long delayMs, long periodMs, Serializable handler, Object... args) {
    requireAlive(model, "future");
    if (delayMs < 0 || (periodMs != 0 && periodMs <= 0)) {
      throw new IllegalArgumentException("future delay must be >= 0 and a repeat period > 0, got delay "
          + delayMs + " ms, period " + periodMs + " ms");
    }
    HandlerName name = state.intern(Handlers.reference(model, handler));
    long handleId = ++state.futureIds;
    state.futures.add(new FutureMessage(state.time + delayMs, state.nextFutureSeq(), handleId, model, name, args, periodMs));
    return new FutureHandle(model.id(), handleId);
  }

  /** See {@link Model#cancelFuture(FutureHandle)}. */
  public boolean cancelFuture(Model model, FutureHandle handle) {
    requireAlive(model, "cancelFuture");
    Objects.requireNonNull(handle, "handle");
    if (!handle.modelId().equals(model.id())) {
      return false;
    }
    boolean removed = state.futures.removeEarliest(model, f -> f.handleId == handle.id());
    return vm.execution().cancelRunningRepeat(f -> f.handleId == handle.id()) || removed;
  }

  /** See {@link Model#cancelFuture(dev.flamingo.core.Handler0)}: the earliest pending call of that method. */
  public boolean cancelFuture(Model model, Serializable handler) {
    requireAlive(model, "cancelFuture");
    MethodRef ref = state.ref(model, Handlers.reference(model, handler));
    return state.futures.removeEarliest(model, f -> f.calls(ref))
        || vm.execution().cancelRunningRepeat(f -> f.calls(ref));
  }

  /** See {@link Model#cancelAllFutures()}. */
  public boolean cancelAllFutures(Model model) {
    requireAlive(model, "cancelAllFutures");
    boolean removed = state.futures.removeAll(model);
    return vm.execution().cancelRunningRepeat(f -> f.model == model) || removed;
  }

  /** See {@link Model#beWellKnownAs(String)}. */
  public void beWellKnownAs(Model model, String name) {
    requireAlive(model, "beWellKnownAs");
    Objects.requireNonNull(name, "name");
    state.wellKnown.put(name, model.id());
  }

  /** See {@link Model#destroy()}: removes subscriptions (generic too), futures and well-known names. */
  public void destroy(Model model) {
    modelOnly(model, "destroy() is allowed only in model code");
    String id = model.id();
    if (state.models.get(id) != model) {
      return;
    }
    state.subscriptions.removeAll(id);
    state.futures.removeAll(model);
    vm.execution().cancelRunningRepeat(f -> f.model == model);
    state.wellKnown.values().removeIf(id::equals);
    state.models.remove(id);
  }

  /** See {@link Model#persistSession(Object)}. */
  public void persistSession(Model model, Object data) {
    requireAlive(model, "persistSession");
    if (!model.id().equals(state.rootId)) {
      throw new IllegalStateException("persistSession is for the root model (" + state.rootId + ") only, called on " + model);
    }
    Objects.requireNonNull(data, "data");
    vm.execution().persist(data);
  }
}
