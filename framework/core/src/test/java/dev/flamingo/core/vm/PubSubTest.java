package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import dev.flamingo.core.Subscription;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model-to-model pub/sub: synchronous, generic handlers first, on copies of the handler lists. */
class PubSubTest {
  /** Root whose handlers log and change subscriptions while an event is being dispatched. */
  public static class Hub extends Model {
    final List<String> log = new ArrayList<>();
    final List<Subscription> active = new ArrayList<>();

    @Override
    protected void init(Object options) {
      subscribe("a", "x", this::first);
      subscribe("a", "x", this::second);
      subscribe("*", "x", this::anyScope);
      subscribe("a", "*", this::anyEvent);
      subscribe("*", "*", this::anything);
      subscribe("go", "publish", this::go);
      subscribe("go", "view", this::fromView);
      subscribe("test", "exec", this::exec);
    }

    void first(Object data) {
      log.add("first " + data);
      unsubscribe("a", "x", this::second);
      subscribe("a", "x", this::third);
    }

    void second(Object data) {
      log.add("second " + data);
    }

    void third(Object data) {
      log.add("third " + data);
    }

    void anyScope(Object data) {
      log.add("*:x " + data);
    }

    void anyEvent(Object data) {
      log.add("a:* " + data);
    }

    void anything() {
      log.add("*:* " + activeSubscription().map(Subscription::event).orElse("?"));
    }

    void go() {
      log.add("go");
      publish("a", "x", "d");
      log.add("after publish");
      active.add(activeSubscription().orElseThrow());
    }

    void fromView() {
      active.add(activeSubscription().orElseThrow());
    }

    void exec(String action) {
      Steps.exec(action);
    }

    void dropAll() {
      unsubscribeAll();
    }
  }

  static final Registry REGISTRY = Registry.builder().register("ps.Hub", Hub.class).build();

  private static VirtualMachine vm() {
    return VirtualMachine.create(REGISTRY, "ps", Hub.class, null, null, new TestHost());
  }

  @Test
  void modelEventsAreSynchronousGenericFirstAndHandlerListsAreCopied() {
    VirtualMachine vm = vm();
    new Stream(vm).send(1, new ExternalMessage.ModelEvent("go", "publish", null));
    Hub hub = (Hub) vm.rootModel();
    // *:* sees go:publish first, then inside publish: generic in subscription order, then specific;
    // "second" was removed during dispatch so it is skipped, "third" was added so it waits for the next event.
    assertEquals(List.of("*:* publish", "go", "*:x d", "a:* d", "*:* x", "first d", "after publish"), hub.log);
    assertEquals(new Subscription("go", "publish", Subscription.Source.VIEW), hub.active.get(0));
  }

  @Test
  void onlyExactTopicSubscriptionsCountForViewEvents() {
    VirtualMachine vm = vm();
    assertTrue(vm.isModelSubscribed("a", "x"));
    assertFalse(vm.isModelSubscribed("b", "x"), "generic *:x does not make b:x go to the reflector");
  }

  @Test
  void internalTopicsNeverReachGenericSubscriptions() {
    VirtualMachine vm = vm();
    new Stream(vm).send(1, new ExternalMessage.ModelEvent("__VM__", "__peers__", null));
    assertEquals(List.of(), ((Hub) vm.rootModel()).log);
  }

  @Test
  void unsubscribeAllRemovesGenericSubscriptionsToo() {
    VirtualMachine vm = vm();
    Hub hub = (Hub) vm.rootModel();
    Steps.action("ps.drop", hub::dropAll);
    new Stream(vm).event(1, "test", "exec", "ps.drop");
    assertEquals(0, vm.runtime().state().subscriptions.countFor(hub.id()));
  }
}
