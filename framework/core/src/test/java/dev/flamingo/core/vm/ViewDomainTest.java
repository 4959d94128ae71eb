package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flamingo.core.Handling;
import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Views: model-to-view delivery modes, view-to-model routing, view-to-view events and detach. */
class ViewDomainTest {
  /** A view that records what reaches it. */
  static final class Recorder extends View {
    final List<String> seen = new ArrayList<>();

    Recorder(Model model) {
      super(model);
    }

    void listen(String scope, String event, Handling handling) {
      subscribe(scope, event, handling, (Object data) -> seen.add(handling + " " + scope + ":" + event + " " + data));
    }

    void send(String scope, String event, Object data) {
      publish(scope, event, data);
    }
  }

  private final TestHost host = new TestHost();
  private final VirtualMachine vm = Fixtures.vm(host);
  private final Stream stream = new Stream(vm);
  private final Recorder view = new Recorder(vm.rootModel());

  private void modelPublishes(String event, Object data) {
    Steps.define("vd.publish." + event + data, m -> m.doPublish("out", event, data));
    stream.event(stream.seq() == Seq.INITIAL ? 1 : vm.time() + 1, "test", "run", "vd.publish." + event + data);
  }

  @Test
  void queuedEventsWaitForTheViewPhaseAndKeepOrder() {
    view.listen("out", "x", Handling.QUEUED);
    modelPublishes("x", 1);
    modelPublishes("x", 2);
    assertEquals(List.of(), view.seen);
    assertEquals(2, vm.viewDomain().processFrameEvents(false));
    assertEquals(List.of("QUEUED out:x 1", "QUEUED out:x 2"), view.seen);
  }

  @Test
  void immediateHandlersRunInsideThePublishWithModelCodeSwitchedOff() {
    List<String> inside = new ArrayList<>();
    new View(vm.rootModel()) {
      {
        subscribe("out", "x", Handling.IMMEDIATE, (Object data) -> {
          inside.add("got " + data);
          assertThrows(IllegalStateException.class, () -> Fixtures.root(vm).doPublish("a", "b", null));
        });
      }
    };
    modelPublishes("x", 7);
    assertEquals(List.of("got 7"), inside);
  }

  @Test
  void oncePerFrameKeepsOnlyTheLatestDataAndWaitsForAnAnimationFrame() {
    view.listen("out", "x", Handling.ONCE_PER_FRAME);
    modelPublishes("x", 1);
    modelPublishes("x", 2);
    assertEquals(0, vm.viewDomain().processFrameEvents(false));
    assertEquals(1, vm.viewDomain().processFrameEvents(true));
    assertEquals(List.of("ONCE_PER_FRAME out:x 2"), view.seen);
  }

  @Test
  void genericViewSubscriptionsComeFirstInCroquetOrder() {
    view.listen("out", "x", Handling.QUEUED);
    view.listen("*", "x", Handling.QUEUED);
    view.listen("out", "*", Handling.QUEUED);
    view.listen("*", "*", Handling.QUEUED);
    modelPublishes("x", 1);
    vm.viewDomain().processFrameEvents(false);
    assertEquals(List.of("QUEUED *:* 1", "QUEUED out:* 1", "QUEUED *:x 1", "QUEUED out:x 1"), view.seen);
  }

  @Test
  void viewEventsGoToTheReflectorOnlyWhenAModelSubscribesToExactlyThatTopic() {
    view.send("test", "note", "hi");
    view.send("nobody", "listens", "x");
    assertEquals(1, host.sent.size());
    ExternalMessage.ModelEvent sent = host.sent.get(0);
    assertEquals("note", sent.event());
    assertArrayEquals(vm.encodeEvent("hi"), sent.data());
  }

  @Test
  void viewsCannotPublishViewJoinOrViewExit() {
    assertThrows(IllegalArgumentException.class, () -> view.send("session-1", "view-join", "x"));
    assertEquals(List.of(), host.sent);
  }

  @Test
  void viewToViewEventsAreDeliveredLocally() {
    view.listen("local", "e", Handling.QUEUED);
    view.send("local", "e", "d");
    vm.viewDomain().publishToViews("local", "e", "sys");
    vm.viewDomain().processFrameEvents(false);
    assertEquals(List.of("QUEUED local:e d", "QUEUED local:e sys"), view.seen);
    assertEquals(List.of(), host.sent);
  }

  @Test
  void detachRemovesEverySubscriptionAndQueuedEventsNoLongerReachIt() {
    view.listen("out", "x", Handling.QUEUED);
    modelPublishes("x", 1);
    view.detach();
    vm.viewDomain().processFrameEvents(true);
    assertEquals(List.of(), view.seen);
    assertEquals(0, vm.viewDomain().subscriptionCount(view));
    assertFalse(view.isAttached());
    assertThrows(IllegalStateException.class, () -> view.send("a", "b", null));
  }

  @Test
  void aThrowingViewHandlerIsReportedAndOthersStillRun() {
    new View(vm.rootModel()) {
      {
        subscribe("out", "x", () -> {
          throw new IllegalArgumentException("view bug");
        });
      }
    };
    view.listen("out", "x", Handling.QUEUED);
    modelPublishes("x", 1);
    vm.viewDomain().processFrameEvents(false);
    assertEquals(List.of("QUEUED out:x 1"), view.seen);
    assertFalse(host.errors.get(0).inModel());
    assertEquals("view bug", host.errors.get(0).cause().getMessage());
  }

  @Test
  void viewsSeeTheViewIdAndTime() {
    stream.tick(42);
    assertEquals("view-local", view.viewId());
    assertEquals(42, view.now());
    assertEquals("session-1", view.sessionId());
  }
}
