package dev.flamingo.testkit;

import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.HandlerError;
import dev.flamingo.core.vm.VirtualMachine;
import dev.flamingo.core.vm.VmHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One replica under check: a VM, how it joined and how its client slices time. Checker thread only. */
final class Replica {

  /** How a replica's client steps its VM between two relayed messages, as real clients differ. */
  enum Slicing {
    WHOLE("advanced in one call per message"),
    TICKS("advanced to a random time before each message, then to it"),
    ONE_MESSAGE("advanced one message per call (budget already spent)");

    final String description;

    Slicing(String description) {
      this.description = description;
    }
  }

  final int index;
  final String origin;
  final Slicing slicing;
  final Host host;
  VirtualMachine vm;
  private final Random random;

  Replica(int index, String origin, Slicing slicing, Random random) {
    this.index = index;
    this.origin = origin;
    this.slicing = slicing;
    this.random = random;
    this.host = new Host("checker-replica-" + index);
  }

  /** Schedules one relayed message and steps the VM to its time in this replica's slicing. */
  void feed(long previousTime, long time, long seq, ExternalMessage message) {
    if (slicing == Slicing.TICKS && time > previousTime) {
      vm.advanceTo(previousTime + (long) (random.nextDouble() * (time - previousTime)));
    }
    vm.schedule(time, seq, message);
    if (slicing == Slicing.ONE_MESSAGE) {
      // A deadline in the past still runs one message per call, like a client whose frame budget is spent.
      boolean caughtUp = false;
      while (!caughtUp) {
        caughtUp = vm.advanceTo(time, System.nanoTime() - 1);
      }
    } else {
      vm.advanceTo(time);
    }
  }

  String hash() {
    return vm.capture().sha256();
  }

  String describe() {
    return "replica " + index + " (" + origin + ", " + slicing.description + ")";
  }

  /** A host with no reflector: models only publish to views here, and handler errors are recorded. */
  static final class Host implements VmHost {
    final List<String> handlerErrors = new ArrayList<>();
    private final String viewId;

    Host(String viewId) {
      this.viewId = viewId;
    }

    @Override
    public String viewId() {
      return viewId;
    }

    @Override
    public void sendToReflector(ExternalMessage.ModelEvent event) {
      // The script stands for every view's input, so nothing a local view publishes is relayed.
    }

    @Override
    public void onHandlerError(HandlerError error) {
      handlerErrors.add(error.describe());
    }
  }
}
