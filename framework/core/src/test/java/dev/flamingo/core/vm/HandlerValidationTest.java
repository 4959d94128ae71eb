package dev.flamingo.core.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.Handler1;
import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handlers must be {@code this::method}: everything else is refused at subscribe/future time. */
class HandlerValidationTest {
  /** A model that tries each kind of bad handler in its init, as the options say. */
  public static class BadModel extends Model {
    @Override
    protected void init(Object options) {
      switch ((String) options) {
        case "lambda" -> subscribe("s", "e", (String data) -> onData(data));
        case "other" -> subscribe("s", "e", new Helper()::take);
        case "static" -> subscribe("s", "e", BadModel::staticTake);
        case "anonymous" -> subscribe("s", "e", new Handler1<String>() {
          @Override
          public void handle(String data) {}
        });
        case "future-lambda" -> future(10, () -> onData("x"));
        case "good" -> subscribe("s", "e", this::onData);
        case "twice" -> {
          subscribe("s", "e", this::onData);
          subscribe("s", "e", this::onData);
        }
        default -> throw new IllegalArgumentException((String) options);
      }
    }

    void onData(String data) {}

    static void staticTake(String data) {}
  }

  /** A mixin whose default method serves as a handler. */
  public interface Greeter {
    List<String> greetings();

    default void greet(String name) {
      greetings().add("hello " + name);
    }
  }

  /** Subscribes an interface default method and a superclass method. */
  public static class Mixed extends Base implements Greeter {
    final List<String> greetings = new ArrayList<>();

    @Override
    public List<String> greetings() {
      return greetings;
    }

    @Override
    protected void init(Object options) {
      subscribe("g", "greet", this::greet);
      subscribe("g", "base", this::inherited);
    }
  }

  /** Declares the inherited handler. */
  public abstract static class Base extends Model {
    final List<String> calls = new ArrayList<>();

    void inherited(String data) {
      calls.add("base " + data);
    }
  }

  /** Not a model. */
  public static class Helper {
    void take(String data) {}
  }

  private static final Registry REGISTRY = Registry.builder().register("hv.Bad", BadModel.class)
      .register("hv.Mixed", Mixed.class).build();

  private static String failure(String kind) {
    return assertThrows(RuntimeException.class,
        () -> VirtualMachine.create(REGISTRY, "s", BadModel.class, kind, null, new TestHost())).getMessage();
  }

  @Test
  void aLambdaIsRefusedWithWhatToWriteInstead() {
    String message = failure("lambda");
    assertTrue(message.startsWith("handler is a lambda expression in dev.flamingo.core.vm.HandlerValidationTest$BadModel"), message);
    assertTrue(message.endsWith("Write a method in BadModel and pass it as this::methodName"), message);
  }

  @Test
  void aMethodOfAnotherObjectIsRefused() {
    assertEquals("handler dev.flamingo.core.vm.HandlerValidationTest$Helper::take is not a method of this model"
        + " (BadModel#M1); handlers must be methods of the subscribing model, written as this::take in BadModel"
        + " (to reach another model, publish an event it subscribes to)", failure("other"));
  }

  @Test
  void aStaticMethodIsRefused() {
    assertTrue(failure("static").contains("::staticTake is not a method of this model"));
  }

  @Test
  void anAnonymousClassIsRefused() {
    assertTrue(failure("anonymous").contains("is not a method reference; pass a method of this model as this::methodName"));
  }

  @Test
  void futuresAreValidatedToo() {
    assertTrue(failure("future-lambda").startsWith("handler is a lambda expression"));
  }

  @Test
  void subscribingTheSameHandlerTwiceIsRefused() {
    assertEquals("M1 already subscribes onData to s:e; unsubscribe first or subscribe it once", failure("twice"));
  }

  @Test
  void interfaceDefaultMethodsAndInheritedMethodsAreHandlersToo() {
    VirtualMachine vm = VirtualMachine.create(REGISTRY, "s", Mixed.class, null, null, new TestHost());
    new Stream(vm).event(1, "g", "greet", "ann").event(2, "g", "base", "x");
    Mixed mixed = (Mixed) vm.rootModel();
    assertEquals(List.of("hello ann"), mixed.greetings);
    assertEquals(List.of("base x"), mixed.calls);
  }

  @Test
  void aMethodReferenceIsStoredAsIdNameAndDescriptor() {
    VirtualMachine vm = VirtualMachine.create(REGISTRY, "s", BadModel.class, "good", null, new TestHost());
    assertEquals(1, vm.runtime().state().subscriptions.countFor("M1"));
    assertTrue(vm.isModelSubscribed("s", "e"));
  }
}
