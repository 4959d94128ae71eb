package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The snapshot form of the future queue: packed numbers and a flat column of references (both in
 * small chunks, see {@link RefChunks}), instead of a message object and an argument array per future,
 * which made the codec look up two more objects per future. Derived from the queue's execution order alone, so equal
 * queues give equal bytes. Model thread only; the fields are not final because the decoder fills them.
 */
final class StoredFutures {
  /** Per future in execution order: time (as the difference to the previous one), seq, handle id, period, argument count. */
  private byte[][] numbers;
  /** Per future: the receiver (null for the VM's own futures), its shared {@link HandlerName}, then the arguments. */
  private Object[][] refs;

  StoredFutures(byte[][] numbers, Object[][] refs) {
    this.numbers = numbers;
    this.refs = refs;
  }

  static StoredFutures of(Collection<FutureMessage> inOrder) {
    PackedLongs.Writer numbers = new PackedLongs.Writer(inOrder.size() * 5);
    // Room for a receiver, a handler and one argument each, the common case.
    RefChunks.Writer refs = new RefChunks.Writer(inOrder.size() * 3);
    long time = 0;
    for (FutureMessage future : inOrder) {
      numbers.add(future.time - time);
      numbers.add(future.seq);
      numbers.add(future.handleId);
      numbers.add(future.period);
      numbers.add(future.args.length);
      time = future.time;
      refs.add(future.model);
      refs.add(future.name);
      for (Object arg : future.args) {
        refs.add(arg);
      }
    }
    return new StoredFutures(numbers.toArray(), refs.toArray());
  }

  /** Rebuilds the messages in stored order; decoded data is untrusted, so every shape and type is checked. */
  List<FutureMessage> toMessages() {
    if (numbers == null || refs == null) {
      throw new IllegalArgumentException("corrupt snapshot: the future queue is missing");
    }
    PackedLongs.Reader in = new PackedLongs.Reader(numbers, "future queue");
    RefChunks.Reader r = new RefChunks.Reader(refs, "future queue");
    List<FutureMessage> messages = new ArrayList<>(r.remaining() / 3);
    long time = 0;
    while (!in.atEnd()) {
      time += in.next();
      long seq = in.next();
      long handleId = in.next();
      long period = in.next();
      if (r.remaining() < 2) {
        throw in.corrupt("lists more futures than receivers and handlers");
      }
      int argCount = in.nextInt(0, r.remaining() - 2, "argument count");
      if (seq < 0 || seq > Seq.MASK || period < 0) {
        throw in.corrupt("has future seq " + seq + " and period " + period);
      }
      Object model = r.next();
      Object name = r.next();
      if (!(model == null || model instanceof Model) || !(name instanceof HandlerName)) {
        throw in.corrupt("has a future whose receiver and handler are not a model and a handler name");
      }
      Object[] args = new Object[argCount];
      for (int i = 0; i < argCount; i++) {
        args[i] = r.next();
      }
      messages.add(new FutureMessage(time, seq, handleId, (Model) model, (HandlerName) name, args, period));
    }
    if (r.remaining() != 0) {
      throw in.corrupt("has " + r.remaining() + " references that belong to no future");
    }
    return messages;
  }
}
