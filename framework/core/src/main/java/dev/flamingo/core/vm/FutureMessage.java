package dev.flamingo.core.vm;

import java.util.Comparator;

/**
 * A queued future call: at {@code time}, call {@code ref} with {@code args} (their elements kept by
 * reference, as in Croquet); {@code period > 0} re-queues it after each run under the same
 * {@code handleId}. Snapshots store it as part of {@link StoredFutures}. Model thread only.
 */
final class FutureMessage {
  /** Earlier time first; at equal time, creation order by uint32 future seq across the wrap. */
  static final Comparator<FutureMessage> ORDER = (a, b) -> a.time != b.time
      ? Long.compare(a.time, b.time)
      : Seq.compare(a.seq, b.seq);

  long time;
  long seq;
  final long handleId;
  final MethodRef ref;
  final Object[] args;
  final long period;

  FutureMessage(long time, long seq, long handleId, MethodRef ref, Object[] args, long period) {
    this.time = time;
    this.seq = seq;
    this.handleId = handleId;
    this.ref = ref;
    this.args = args;
    this.period = period;
  }
}
