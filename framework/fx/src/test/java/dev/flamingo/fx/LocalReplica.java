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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Test fixture: one replica stepped like a {@link SessionWindow}'s (models and views on the FX Application
 * Thread, which must create it and drive it through an {@link FxSessionHost}) with the phases a client step
 * runs (intake, budgeted simulation, view events, root update), on the real VM, fed by a
 * {@link LoopbackReflector}. The root view is built once the replica has caught up and its own view-join ran,
 * as in Croquet.
 */
final class LocalReplica implements Stepper, VmHost {
  final List<HandlerError> errors = new CopyOnWriteArrayList<>();
  final SessionStatus status = new SessionStatus();
  private final ConcurrentLinkedQueue<LoopbackReflector.Reflected> inbound = new ConcurrentLinkedQueue<>();
  private final String viewId;
  private final LoopbackReflector reflector;
  private final Function<Model, View> viewFactory;
  private final long budgetNanos;
  private final java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
  private int maxPerStep = Integer.MAX_VALUE;
  private final VirtualMachine vm;
  private volatile View root;
  private long targetTime;
  private int received;
  private int executed;

  LocalReplica(String viewId, LoopbackReflector reflector, Registry registry, Class<? extends Model> rootType,
      Function<Model, View> viewFactory, long budgetNanos) {
    this.viewId = viewId;
    this.reflector = reflector;
    this.viewFactory = viewFactory;
    this.budgetNanos = budgetNanos;
    this.vm = VirtualMachine.create(registry, "fx-test", rootType, null, null, this);
    reflector.join(this);
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
      root = viewFactory.apply(vm.rootModel());
    }
    vm.viewDomain().processFrameEvents(true);
    if (root != null) {
      root.update(frameTimeMs);
    }
  }

  Model rootModel() {
    return vm.rootModel();
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
