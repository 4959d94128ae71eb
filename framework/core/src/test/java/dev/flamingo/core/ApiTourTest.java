package dev.flamingo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.HandlerError;
import dev.flamingo.core.vm.Reflection;
import dev.flamingo.core.vm.VirtualMachine;
import dev.flamingo.core.vm.VmHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's API tour, compiled and run: a chat model, its view, and one replica fed by hand. */
class ApiTourTest {
  // --- tour: model ---
  /** Replicated chat state: every replica runs the same handlers on the same events. */
  public static class ChatModel extends Model {
    final List<Post> history = new ArrayList<>();
    int joined;

    @Override
    protected void init(Object options) {
      subscribe("chat", "post", this::onPost);              // view -> model, through the reflector
      subscribe(sessionId(), "view-join", this::onJoin);    // system event
      futureRepeat(60_000, this::trim);                     // model time, not wall clock
    }

    void onPost(Post post) {
      history.add(post);
      publish("chat", "changed");                           // model -> views, queued for the view phase
    }

    void onJoin(String viewId) {
      joined++;
    }

    void trim() {
      while (history.size() > 100) {
        history.remove(0);
      }
    }
  }

  /** A value stored in model state: registered, so snapshots can hold it. */
  public record Post(String author, String text) {}

  /** A local view: reads the model directly, writes only by publishing events. */
  static final class ChatView extends View {
    private final ChatModel model;
    final List<String> lines = new ArrayList<>();

    ChatView(ChatModel model) {
      super(model);
      this.model = model;
      subscribe("chat", "changed", this::refresh);
    }

    void send(String text) {
      publish("chat", "post", new Post(viewId(), text));
    }

    private void refresh() {
      lines.clear();
      model.history.forEach(post -> lines.add(post.author() + ": " + post.text()));
    }
  }

  static final Registry REGISTRY = Registry.builder()
      .register("chat.Chat", ChatModel.class)
      .register("chat.Post", Post.class)
      .build();
  // --- end tour ---

  // --- tour: reflected events and votes ---
  /** One authoritative copy of a value every replica computes, and a check that they all computed the same. */
  public static class DiceModel extends Model {
    final List<Integer> rolls = new ArrayList<>();
    int disagreements;

    @Override
    protected void init(Object options) {
      subscribe("dice", "roll", this::onRoll);                  // a view's request, as usual
      subscribe("dice", "rolled", this::onRolled);              // the reflected event: once, in reflector order
      subscribeDivergence("dice", "rolled", this::onDiverged);  // Croquet: subscribe(..., "rolled#divergence", ...)
    }

    void onRoll() {
      publishReflected("dice", "rolled", 1 + (int) (random() * 6)); // Croquet: publish("dice", "rolled#reflected", n)
    }

    void onRolled(Integer n) {
      rolls.add(n);
    }

    void onDiverged(Votes<Integer> votes) {                     // the replicas' copies disagreed
      disagreements++;
    }
  }

  /** Sees every tally its replica voted in. */
  static final class DiceView extends View {
    final List<String> tallies = new ArrayList<>();

    DiceView(DiceModel model) {
      super(model);
      subscribe("dice", "rolled", Handling.VOTE, (Votes<Integer> votes) ->   // Croquet's handling: "vote"
          tallies.add(votes.voters() + " voted " + votes.majority().data() + ", mine " + votes.mine().data()));
    }
  }
  // --- end tour ---

  @Test
  void theTourRuns() {
    List<ExternalMessage.ModelEvent> outbox = new ArrayList<>();
    VmHost host = new VmHost() {
      @Override
      public String viewId() {
        return "alice";
      }

      @Override
      public void sendToReflector(ExternalMessage.ModelEvent event) {
        outbox.add(event);
      }

      @Override
      public void onHandlerError(HandlerError error) {
        throw new AssertionError(error.describe(), error.cause());
      }
    };
    VirtualMachine vm = VirtualMachine.create(REGISTRY, "tour", ChatModel.class, null, null, host);
    ChatView view = new ChatView((ChatModel) vm.rootModel());
    view.send("hello");
    // The reflector would stamp and echo it to every replica; here we play the reflector.
    vm.schedule(10, 0xFFFF_FFF1L, outbox.get(0));
    vm.advanceTo(10);
    vm.viewDomain().processFrameEvents(true);
    assertEquals(List.of("alice: hello"), view.lines);
  }

  @Test
  void theReflectedTourRuns() {
    List<Reflection> votes = new ArrayList<>();
    VmHost host = new VmHost() {
      @Override
      public String viewId() {
        return "alice";
      }

      @Override
      public void sendToReflector(ExternalMessage.ModelEvent event) {}

      @Override
      public void onHandlerError(HandlerError error) {
        throw new AssertionError(error.describe(), error.cause());
      }

      @Override
      public boolean voting() {
        return true;
      }

      @Override
      public void onReflected(Reflection reflection) {
        votes.add(reflection);
      }
    };
    Registry registry = Registry.builder().register("dice.Dice", DiceModel.class).build();
    VirtualMachine vm = VirtualMachine.create(registry, "tour", DiceModel.class, null, null, host);
    DiceModel dice = (DiceModel) vm.rootModel();
    DiceView view = new DiceView(dice);
    vm.schedule(10, 0xFFFF_FFF1L, new ExternalMessage.ModelEvent("dice", "roll", null));
    vm.advanceTo(10);
    // Playing the reflector: the first copy as a message, then the tally of three agreeing votes.
    byte[] copy = votes.get(0).data();
    vm.schedule(11, 0xFFFF_FFF2L, new ExternalMessage.ReflectedEvent("dice", "rolled", copy));
    vm.schedule(900, 0xFFFF_FFF3L, new ExternalMessage.ReflectedTally("dice", "rolled",
        List.of(new ExternalMessage.Copy(copy, 3)), 0, 0));
    vm.advanceTo(900);
    int n = (Integer) vm.decodeEvent(copy);
    assertEquals(List.of(n), dice.rolls);
    assertEquals(0, dice.disagreements);
    assertEquals(List.of("3 voted " + n + ", mine " + n), view.tallies);
  }
}
