package dev.flamingo.fx;

import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.View;
import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.HandlerError;
import dev.flamingo.core.vm.VirtualMachine;
import dev.flamingo.core.vm.VmHost;
import dev.flamingo.fx.widgets.SessionStatus;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Test fixture: one replica with the client's threading (models and views on the replica's own session
 * thread; {@link #step} hands the step to it and waits) and the phases a client step runs (intake, budgeted
 * simulation, view events, root update), on the real VM, fed by a {@link LoopbackReflector}. The root view is
 * built once the replica has caught up and its own view-join ran, as in Croquet.
 */
final class LocalReplica implements Stepper, VmHost {
  final List<HandlerError> errors = new CopyOnWriteArrayList<>();
  final SessionStatus status = new SessionStatus();
  final FxBridge bridge;
  private final ExecutorService thread;
  private final ConcurrentLinkedQueue<LoopbackReflector.Reflected> inbound = new ConcurrentLinkedQueue<>();
  private final String viewId;
  private final LoopbackReflector reflector;
  private final BiFunction<Model, FxBridge, View> viewFactory;
  private final long budgetNanos;
  private final java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
  private int maxPerStep = Integer.MAX_VALUE;
  private final VirtualMachine vm;
  private volatile View root;
  private long targetTime;
  private int received;
  private int executed;

  LocalReplica(String viewId, LoopbackReflector reflector, Registry registry, Class<? extends Model> rootType,
      BiFunction<Model, FxBridge, View> viewFactory, long budgetNanos) {
    this.viewId = viewId;
    this.reflector = reflector;
    this.viewFactory = viewFactory;
    this.budgetNanos = budgetNanos;
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "replica-" + viewId);
      t.setDaemon(true);
      return t;
    });
    this.bridge = FxBridge.create(thread);
    this.vm = call(() -> VirtualMachine.create(registry, "fx-test", rootType, null, null, this));
    reflector.join(this);
  }

  /** Runs {@code work} on the session thread and waits. */
  <T> T call(Callable<T> work) {
    try {
      return thread.submit(work).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void receive(LoopbackReflector.Reflected message) {
    arrived.incrementAndGet();
    inbound.add(message);
  }

  /** Takes at most {@code count} arrived messages per step, so a replay lasts a known number of pulses. */
  LocalReplica intakePerStep(int count) {
    maxPerStep = count;
    return this;
  }

  @Override
  public void step(long frameTimeMs) {
    call(() -> {
      stepHere(frameTimeMs);
      return null;
    });
  }

  private void stepHere(long frameTimeMs) {
    for (int n = 0; n < maxPerStep && !inbound.isEmpty(); n++) {
      LoopbackReflector.Reflected r = inbound.poll();
      vm.schedule(r.time(), r.seq(), r.message());
      targetTime = r.time();
      received++;
    }
    long before = vm.externalSeq();
    boolean caughtUp = vm.advanceTo(targetTime, System.nanoTime() + budgetNanos) && received == arrived.get();
    executed += (int) ((vm.externalSeq() - before) & 0xFFFF_FFFFL);
    status.reportProgress(caughtUp ? 1 : (double) executed / arrived.get());
    if (root == null && caughtUp && vm.hasView(viewId) && viewFactory != null) {
      root = viewFactory.apply(vm.rootModel(), bridge);
    }
    vm.viewDomain().processFrameEvents(true);
    if (root != null) {
      root.update(frameTimeMs);
    }
  }

  Model rootModel() {
    return call(vm::rootModel);
  }

  View rootView() {
    return root;
  }

  VirtualMachine vm() {
    return vm;
  }

  @Override
  public String viewId() {
    return viewId;
  }

  @Override
  public void sendToReflector(ExternalMessage.ModelEvent event) {
    reflector.broadcast(event);
  }

  @Override
  public void onHandlerError(HandlerError error) {
    errors.add(error);
  }
}
