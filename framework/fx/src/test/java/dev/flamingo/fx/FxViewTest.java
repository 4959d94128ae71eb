package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.Registry;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Views built on the FX thread track the model in one line and leave nothing behind when detached. */
class FxViewTest {
  static final Registry REGISTRY = Registry.builder().register("fxtest.Counter", CounterModel.class).build();

  private LoopbackReflector reflector;
  private LocalReplica replica;
  private FxSessionHost host;

  @BeforeAll
  static void toolkit() throws Exception {
    Fx.startToolkit();
  }

  @BeforeEach
  void join() throws Exception {
    reflector = new LoopbackReflector();
    Fx.run(() -> {
      replica = new LocalReplica("v1", reflector, REGISTRY, CounterModel.class,
          m -> new CounterView((CounterModel) m), 20_000_000L);
      host = FxSessionHost.start();
      host.drive(replica);
    });
    Fx.await(() -> replica.rootView() != null);
  }

  @AfterEach
  void stop() throws Exception {
    Fx.run(host::stop);
  }

  @Test
  void trackedPropertyAndListFollowModelEvents() throws Exception {
    CounterView view = Fx.call(() -> (CounterView) replica.rootView());
    Fx.run(() -> view.inc.fire());
    Fx.run(() -> view.inc.fire());
    Fx.await(() -> view.count.getText().equals("2"));
    Node first = Fx.call(() -> view.log.getChildren().get(0));
    Fx.run(() -> view.inc.fire());
    Fx.run(() -> view.inc.fire());
    Fx.await(() -> view.count.getText().equals("4"));
    assertEquals(List.of("n2", "n3", "n4"), Fx.call(() -> texts(view)));
    assertEquals("n1", ((Label) first).getText());
    assertTrue(Fx.call(() -> view.updates) > 0, "the root view's update ran on pulses");
  }

  @Test
  void unchangedItemsKeepTheirNodes() throws Exception {
    CounterView view = Fx.call(() -> (CounterView) replica.rootView());
    Fx.run(() -> view.inc.fire());
    Fx.run(() -> view.inc.fire());
    Fx.await(() -> view.log.getChildren().size() == 2);
    Node second = Fx.call(() -> view.log.getChildren().get(1));
    Fx.run(() -> view.inc.fire());
    Fx.run(() -> view.inc.fire());
    Fx.await(() -> view.count.getText().equals("4"));
    assertSame(second, Fx.call(() -> view.log.getChildren().get(0)), "n2's label survived the roll");
  }

  @Test
  void detachReleasesListenersSubscriptionsChildrenAndNode() throws Exception {
    CounterView view = Fx.call(() -> (CounterView) replica.rootView());
    StackPane parent = Fx.call(() -> new StackPane(view.node()));
    CounterView child = Fx.call(view::newChildForTest);
    assertTrue(view.listenerCount() > 0);
    Fx.run(view::detach);
    assertTrue(Fx.call(() -> parent.getChildren().isEmpty()));
    assertEquals(0, view.listenerCount());
    assertEquals(0, child.listenerCount());
    assertEquals(0, Fx.call(() -> replica.vm().viewDomain().subscriptionCount(view)));
    assertEquals(0, Fx.call(() -> replica.vm().viewDomain().subscriptionCount(child)));
    assertTrue(view.children().isEmpty());
    assertNull(Fx.call(() -> view.node().getParent()));
    int before = Fx.call(() -> reflector.logSize());
    Fx.run(view.inc::fire);
    Fx.run(view.inc::fire);
    assertEquals(before, reflector.logSize(), "the detached button no longer publishes");
  }

  @Test
  void aViewBuiltOffTheFxThreadIsRefusedNamingTheThread() throws Exception {
    CounterModel model = Fx.call(() -> (CounterModel) replica.rootModel());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new CounterView(model));
    assertTrue(e.getMessage().contains("FX Application Thread") && e.getMessage().contains(Thread.currentThread().getName()),
        e.getMessage());
  }

  private static List<String> texts(CounterView view) {
    return view.log.getChildren().stream().map(n -> ((Label) n).getText()).toList();
  }
}
