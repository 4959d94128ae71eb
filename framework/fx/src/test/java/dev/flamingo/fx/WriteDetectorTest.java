package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** debug "write": a view changing model state between pulses fails the session naming the field. */
class WriteDetectorTest {
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  @BeforeAll
  static void toolkit() throws Exception {
    Fx.startToolkit();
  }

  @Test
  void aViewWritingAFieldIsNamed() throws Exception {
    LocalReplica replica = start();
    CounterModel model = Fx.call(() -> (CounterModel) replica.rootModel());
    Fx.run(() -> model.count = 42);
    Fx.await(() -> failure.get() != null);
    ViewWroteModelException e = assertInstanceOf(ViewWroteModelException.class, failure.get());
    assertEquals(List.of(model + ".count"), e.fields());
    assertTrue(e.getMessage().contains("publish an event"), e.getMessage());
  }

  @Test
  void aNestedCollectionWriteIsNamedByItsField() throws Exception {
    LocalReplica replica = start();
    CounterModel model = Fx.call(() -> (CounterModel) replica.rootModel());
    Fx.run(() -> model.log.add("forged"));
    Fx.await(() -> failure.get() != null);
    assertEquals(List.of(model + ".log"), ((ViewWroteModelException) failure.get()).fields());
  }

  @Test
  void changesMadeByModelCodeAreFine() throws Exception {
    LocalReplica replica = start();
    CounterView view = Fx.call(() -> (CounterView) replica.rootView());
    for (int i = 0; i < 3; i++) {
      Fx.run(view.inc::fire);
    }
    Fx.await(() -> view.count.getText().equals("3"));
    assertNull(failure.get());
  }

  private LocalReplica start() throws Exception {
    LocalReplica replica = Fx.call(() -> {
      LocalReplica r = new LocalReplica("v1", new LoopbackReflector(), FxViewTest.REGISTRY, CounterModel.class,
          m -> new CounterView((CounterModel) m), 20_000_000L);
      FxSessionHost host = FxSessionHost.start();
      host.onFailure(e -> {
        failure.set(e);
        host.stop();
      });
      host.detectWrites(WriteDetector.watching(() -> r.vm().rootModel()));
      host.drive(r);
      return r;
    });
    Fx.await(() -> replica.rootView() != null);
    return replica;
  }
}
