package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.Comparator;

/**
 * A queued future call: at {@code time}, call {@code ref} with {@code args} (kept by reference, as in
 * Croquet); {@code period > 0} re-queues it after each run under the same {@code handleId}. Stored in
 * snapshots field by field; the fields are not final because the decoder fills them.
 */
final class FutureMessage {
  /** Earlier time first; at equal time, creation order by uint32 future seq across the wrap. */
  static final Comparator<FutureMessage> ORDER = (a, b) -> a.time != b.time
      ? Long.compare(a.time, b.time)
      : Seq.compare(a.seq, b.seq);

  long time;
  long seq;
  long handleId;
  // Stored as its two parts, so a snapshot has no MethodRef object per future; rebuilt by restoreRef().
  transient MethodRef ref;
  private Model receiver;
  private HandlerName name;
  Object[] args;
  long period;

  FutureMessage(long time, long seq, long handleId, MethodRef ref, Object[] args, long period) {
    this.time = time;
    this.seq = seq;
    this.handleId = handleId;
    this.ref = ref;
    if (ref != null) { // only tests of the ordering leave it out
      this.receiver = ref.model();
      this.name = ref.name();
    }
    this.args = args;
    this.period = period;
  }

  /** Rebuilds {@link #ref} after decoding, which fills only the stored fields. */
  void restoreRef() {
    if (name == null) {
      throw new IllegalArgumentException("corrupt snapshot: a future has no handler name");
    }
    ref = new MethodRef(receiver, name);
  }
}
