package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.Comparator;

/**
 * A queued future call: at {@code time}, call handler {@code name} of {@code model} (null for the VM's
 * own futures) with {@code args} (their elements kept by reference, as in Croquet); {@code period > 0}
 * re-queues it after each run under the same {@code handleId}. Snapshots store it as part of
 * {@link StoredFutures}. Model thread only.
 */
final class FutureMessage {
  /** Earlier time first; at equal time, creation order by uint32 future seq across the wrap. */
  static final Comparator<FutureMessage> ORDER = (a, b) -> a.time != b.time
      ? Long.compare(a.time, b.time)
      : Seq.compare(a.seq, b.seq);

  long time;
  long seq;
  final long handleId;
  // The two parts of the handler's MethodRef rather than the ref: one object fewer per pending future,
  // which a restore of 100,000 models allocates and its young collections copy.
  final Model model;
  // The model's serial, which the snapshot stores instead of the model (see ModelSerials).
  final long modelSerial;
  final HandlerName name;
  final Object[] args;
  final long period;

  FutureMessage(long time, long seq, long handleId, Model model, HandlerName name, Object[] args, long period) {
    this(time, seq, handleId, model, ModelSerials.of(model), name, args, period);
  }

  /** For decoding, which found {@code model} by its serial. */
  FutureMessage(long time, long seq, long handleId, Model model, long modelSerial, HandlerName name, Object[] args,
      long period) {
    this.time = time;
    this.seq = seq;
    this.handleId = handleId;
    this.model = model;
    this.modelSerial = modelSerial;
    this.name = name;
    this.args = args;
    this.period = period;
  }

  /** The handler, for calling it and for reports. */
  MethodRef ref() {
    return new MethodRef(model, modelSerial, name);
  }

  /** True if this future calls exactly {@code ref}. */
  boolean calls(MethodRef ref) {
    return ref.model() == model && ref.name().equals(name);
  }
}
