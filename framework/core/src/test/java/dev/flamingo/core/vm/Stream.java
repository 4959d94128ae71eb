package dev.flamingo.core.vm;

/** Feeds a VM reflected messages with consecutive seqs from the reflector's initial value. */
final class Stream {
  private final VirtualMachine vm;
  private long seq = Seq.INITIAL;

  Stream(VirtualMachine vm) {
    this.vm = vm;
  }

  /** Schedules {@code message} at {@code time} with the next seq and runs everything up to it. */
  Stream send(long time, ExternalMessage message) {
    seq = Seq.next(seq);
    vm.schedule(time, seq, message);
    vm.advanceTo(time);
    return this;
  }

  /** A view event with data encoded as the client would. */
  Stream event(long time, String scope, String event, Object data) {
    return send(time, new ExternalMessage.ModelEvent(scope, event, data == null ? null : vm.encodeEvent(data)));
  }

  /** A heartbeat tick: time moves without a message. */
  Stream tick(long time) {
    vm.advanceTo(time);
    return this;
  }

  /** Continues after {@code last}, the seq a VM already executed (after a restore, or a second Stream). */
  Stream skipTo(long last) {
    seq = last;
    return this;
  }

  /** Advances the expected seq without sending (the message was covered by a snapshot). */
  void skip() {
    seq = Seq.next(seq);
  }

  long seq() {
    return seq;
  }
}
