package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The snapshot form of the future queue: packed numbers and a flat column of references (both in
 * small chunks, see {@link RefChunks}), instead of a message object and an argument array per future,
 * which made the codec look up two more objects per future. The receiver is a number, its serial (see
 * {@link ModelSerials}), so that writing the queue never reads the models. Derived from the queue's
 * execution order alone, so equal queues give equal bytes. Model thread only; the fields are not final
 * because the decoder fills them.
 */
final class StoredFutures {
  /**
   * Per future in execution order: time (as the difference to the previous one), seq, handle id, period,
   * argument count, receiver serial ({@link ModelSerials#VM} for the VM's own futures).
   */
  private byte[][] numbers;
  /** Per future: its shared {@link HandlerName}, then the arguments. */
  private Object[][] refs;

  StoredFutures(byte[][] numbers, Object[][] refs) {
    this.numbers = numbers;
    this.refs = refs;
  }

  static StoredFutures of(Collection<FutureMessage> inOrder) {
    PackedLongs.Writer numbers = new PackedLongs.Writer(inOrder.size() * 6);
    // Room for a handler and one argument each, the common case.
    RefChunks.Writer refs = new RefChunks.Writer(inOrder.size() * 2);
    long time = 0;
    for (FutureMessage future : inOrder) {
      numbers.add(future.time - time);
      numbers.add(future.seq);
      numbers.add(future.handleId);
      numbers.add(future.period);
      numbers.add(future.args.length);
      numbers.add(future.modelSerial);
      time = future.time;
      refs.add(future.name);
      for (Object arg : future.args) {
        refs.add(arg);
      }
    }
    return new StoredFutures(numbers.toArray(), refs.toArray());
  }

  /**
   * Rebuilds the messages in stored order, finding receivers in {@code models}; decoded data is
   * untrusted, so every shape, type and receiver is checked.
   */
  List<FutureMessage> toMessages(ModelSerials.Index models) {
    if (numbers == null || refs == null) {
      throw new IllegalArgumentException("corrupt snapshot: the future queue is missing");
    }
    PackedLongs.Reader in = new PackedLongs.Reader(numbers, "future queue");
    RefChunks.Reader r = new RefChunks.Reader(refs, "future queue");
    List<FutureMessage> messages = new ArrayList<>(r.remaining() / 2);
    long time = 0;
    while (!in.atEnd()) {
      time += in.next();
      long seq = in.next();
      long handleId = in.next();
      long period = in.next();
      if (r.remaining() < 1) {
        throw in.corrupt("lists more futures than handlers");
      }
      int argCount = in.nextInt(0, r.remaining() - 1, "argument count");
      long serial = in.next();
      if (seq < 0 || seq > Seq.MASK || period < 0) {
        throw in.corrupt("has future seq " + seq + " and period " + period);
      }
      Model model = serial == ModelSerials.VM ? null : models.find(serial);
      if (serial != ModelSerials.VM && model == null) {
        throw in.corrupt("has a future for model serial " + serial + ", which is not in the model table");
      }
      if (!(r.next() instanceof HandlerName name)) {
        throw in.corrupt("has a future whose handler is not a handler name");
      }
      Object[] args = new Object[argCount];
      for (int i = 0; i < argCount; i++) {
        args[i] = r.next();
      }
      messages.add(new FutureMessage(time, seq, handleId, model, serial, name, args, period));
    }
    if (r.remaining() != 0) {
      throw in.corrupt("has " + r.remaining() + " references that belong to no future");
    }
    return messages;
  }
}
