package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Creation, well-known names, destroy, and the model-only guards. */
class LifecycleTest {
  @Test
  void createdModelsGetSequentialIdsAndCanBeLookedUp() {
    Steps.define("life.create", m -> m.doCreate(ChildModel.class, "kid"));
    VirtualMachine vm = Fixtures.vm(new TestHost());
    new Stream(vm).event(1, "test", "run", "life.create");
    ChildModel kid = (ChildModel) vm.rootModel().wellKnownModel("kid");
    assertEquals("M2", kid.id());
    assertSame(kid, vm.rootModel().getModel("M2"));
    assertSame(vm.rootModel(), vm.rootModel().wellKnownModel("modelRoot"));
    assertEquals("ChildModel#M2", kid.toString());
  }

  @Test
  void destroyRemovesSubscriptionsGenericOnesFuturesAndWellKnownNames() {
    Steps.define("life.create", m -> m.doCreate(ChildModel.class, "kid"));
    Steps.define("life.destroy", m -> ((ChildModel) m.wellKnownModel("kid")).doDestroy());
    TestHost host = new TestHost();
    VirtualMachine vm = Fixtures.vm(host);
    Stream stream = new Stream(vm).event(1, "test", "run", "life.create").event(60, "child", "ping", "p");
    ChildModel kid = (ChildModel) vm.rootModel().wellKnownModel("kid");
    assertEquals(List.of("tick @51", "any p @60", "ping p @60"), kid.seen);
    stream.event(70, "test", "run", "life.destroy").event(80, "child", "ping", "q").tick(500);
    assertEquals(3, kid.seen.size(), "no ticks, no pings after destroy");
    VmState state = vm.runtime().state();
    assertEquals(0, state.subscriptions.countFor("M2"));
    assertEquals(0, state.futures.size() - futuresOf(state, "M1"));
    assertNull(vm.rootModel().wellKnownModel("kid"));
    assertNull(vm.rootModel().getModel("M2"));
    assertEquals(List.of(), host.errors);
  }

  private static int futuresOf(VmState state, String id) {
    int[] count = {0};
    state.futures.forEach(future -> count[0] += future.model != null && future.model.id().equals(id) ? 1 : 0);
    return count[0];
  }

  @Test
  void newFromUserCodeIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class, ChildModel::new);
    assertEquals("new ChildModel() is not allowed: models are created from model code with create(ChildModel.class,"
        + " options), so every replica creates them alike", e.getMessage());
  }

  @Test
  void modelOnlyCallsOutsideModelExecutionThrow() {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    LogModel root = Fixtures.root(vm);
    IllegalStateException e = assertThrows(IllegalStateException.class, root::doModelOnly);
    assertEquals("this call is allowed only in model code (LogModel#M1 is not executing; no model message is"
        + " executing (view or client code?))", e.getMessage());
    assertThrows(IllegalStateException.class, () -> root.doPublish("a", "b", null));
    assertThrows(IllegalStateException.class, root::doRandom);
    assertThrows(IllegalStateException.class, () -> root.doFuture(1, "x"));
    assertEquals(0, root.now(), "reads are fine from views");
  }

  @Test
  void theVmIsConfinedToItsOwnerThread() throws Exception {
    VirtualMachine vm = Fixtures.vm(new TestHost());
    Throwable[] thrown = new Throwable[1];
    Thread other = new Thread(() -> {
      try {
        vm.advanceTo(10);
      } catch (Throwable t) {
        thrown[0] = t;
      }
    }, "intruder");
    other.start();
    other.join();
    assertTrue(thrown[0] instanceof IllegalStateException);
    assertTrue(thrown[0].getMessage().contains("was called from \"intruder\""), thrown[0].getMessage());
  }

  @Test
  void anExceptionInAHandlerIsContainedReportedAndTheRestRuns() {
    Steps.define("life.boom", m -> {
      m.doBoomLater(5);
      m.doFuture(5, "after");
    });
    TestHost host = new TestHost();
    VirtualMachine vm = Fixtures.vm(host);
    new Stream(vm).event(1, "test", "run", "life.boom").tick(10);
    assertEquals(List.of("init opts @0", "boom @6", "after @6"), Fixtures.root(vm).log);
    HandlerError error = host.errors.get(0);
    assertEquals("model handler M1.boom()V for future at 6 ms threw java.lang.IllegalStateException: boom", error.describe());
  }

  @Test
  void anUndecodablePayloadIsReportedAndSkipped() {
    TestHost host = new TestHost();
    VirtualMachine vm = Fixtures.vm(host);
    new Stream(vm).send(3, new ExternalMessage.ModelEvent("test", "note", new byte[] {9, 9, 9}));
    assertEquals(List.of("init opts @0"), Fixtures.root(vm).log);
    assertEquals("payload decoder", host.errors.get(0).handler());
  }

  @Test
  void createRefusesUnregisteredModelClasses() {
    Steps.define("life.unregistered", m -> m.doCreate(UnregisteredModel.class, null));
    TestHost host = new TestHost();
    new Stream(Fixtures.vm(host)).event(1, "test", "run", "life.unregistered");
    assertEquals("model class dev.flamingo.core.vm.LifecycleTest$UnregisteredModel is not registered; add"
        + " .register(\"dev.flamingo.core.vm.LifecycleTest$UnregisteredModel\", UnregisteredModel.class) to the"
        + " Registry builder", host.errors.get(0).cause().getMessage());
  }

  @Test
  void aModelWhoseConstructorThrowsIsNotLeftRegistered() {
    Steps.define("life.fragile", m -> m.doCreate(FragileModel.class, null));
    TestHost host = new TestHost();
    VirtualMachine vm = VirtualMachine.create(REGISTRY, "s", LogModel.class, null, null, host);
    new Stream(vm).event(1, "test", "run", "life.fragile");
    assertEquals("fragile", host.errors.get(0).cause().getMessage());
    assertNull(vm.rootModel().getModel("M2"));
  }

  /** Throws from a field initializer. */
  public static class FragileModel extends dev.flamingo.core.Model {
    final int value = fail();

    private static int fail() {
      throw new IllegalStateException("fragile");
    }
  }

  static final dev.flamingo.core.Registry REGISTRY = dev.flamingo.core.Registry.builder()
      .register("life.Log", LogModel.class).register("life.Fragile", FragileModel.class).build();

  /** Never registered. */
  public static class UnregisteredModel extends dev.flamingo.core.Model {}
}
