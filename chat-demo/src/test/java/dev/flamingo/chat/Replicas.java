package dev.flamingo.chat;

import dev.flamingo.core.vm.ExternalMessage;
import dev.flamingo.core.vm.HandlerError;
import dev.flamingo.core.vm.VirtualMachine;
import dev.flamingo.core.vm.VmHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test fixture: chat replicas on the core VM fed one reflected stream by hand (joins, posts, resets, time),
 * so replicas can join at different points, from the full log or from a snapshot. Test thread only.
 */
final class Replicas {
  private record Reflected(long time, long seq, ExternalMessage message) {}

  private final List<Reflected> log = new ArrayList<>();
  private final List<VirtualMachine> vms = new ArrayList<>();
  final List<HandlerError> errors = new ArrayList<>();
  private final List<String> present = new ArrayList<>();
  private long seq = 0xFFFF_FFF0L;
  private long time;

  /** A replica that replays the whole log so far, then follows. */
  VirtualMachine replay() {
    VirtualMachine vm = VirtualMachine.create(Chat.registry(), "chat-test", ChatModel.class, null, null, host());
    for (Reflected r : log) {
      vm.schedule(r.time, r.seq, r.message);
    }
    vm.advanceTo(time);
    vms.add(vm);
    return vm;
  }

  /** A replica restored from {@code source}'s snapshot, then following. */
  VirtualMachine restoreFrom(VirtualMachine source) {
    VirtualMachine vm = VirtualMachine.restore(Chat.registry(), source.snapshot().bytes(), host());
    vms.add(vm);
    return vm;
  }

  void join(String viewId, String user) {
    present.add(viewId);
    byte[] data = user == null ? null : vms.get(0).encodeEvent(new TreeMap<>(Map.of("user", user)));
    send(new ExternalMessage.Peers(List.of(new ExternalMessage.Peer(viewId, data)), List.of(), present.size()));
  }

  void exit(String viewId) {
    present.remove(viewId);
    send(new ExternalMessage.Peers(List.of(), List.of(viewId), present.size()));
  }

  void post(String viewId, String text) {
    send(new ExternalMessage.ModelEvent("input", "newPost", vms.get(0).encodeEvent(new Post(viewId, text))));
  }

  void reset(String reason) {
    send(new ExternalMessage.ModelEvent("input", "reset", vms.get(0).encodeEvent(reason)));
  }

  /** Lets {@code ms} of simulation time pass (a tick). */
  void elapse(long ms) {
    time += ms;
    send(new ExternalMessage.Noop());
  }

  long time() {
    return time;
  }

  private void send(ExternalMessage message) {
    seq = (seq + 1) & 0xFFFF_FFFFL;
    Reflected r = new Reflected(time, seq, message);
    log.add(r);
    for (VirtualMachine vm : vms) {
      vm.schedule(r.time, r.seq, r.message);
      vm.advanceTo(r.time);
    }
  }

  static ChatModel chat(VirtualMachine vm) {
    return (ChatModel) vm.rootModel();
  }

  private VmHost host() {
    return new VmHost() {
      @Override
      public String viewId() {
        return "observer";
      }

      @Override
      public void sendToReflector(ExternalMessage.ModelEvent event) {
        throw new IllegalStateException("these replicas have no views");
      }

      @Override
      public void onHandlerError(HandlerError error) {
        errors.add(error);
      }
    };
  }
}
