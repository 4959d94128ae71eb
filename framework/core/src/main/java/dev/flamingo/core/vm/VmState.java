package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.LinkedHashMap;

/**
 * Everything replicated about one VM, which is exactly what a snapshot holds (Croquet's VM fields).
 * The codec stores this object and everything it reaches field by field, so taking a snapshot copies
 * nothing first; the fields are not final because the decoder fills them. Model thread only.
 */
final class VmState {
  static final long NEVER = Long.MIN_VALUE;

  String sessionId;
  long time;
  long externalTime;
  long externalSeq = Seq.INITIAL;
  long futureSeq;
  long futureIds;
  long modelCount;
  String rootId;
  LinkedHashMap<String, Model> models = new LinkedHashMap<>();
  LinkedHashMap<String, String> wellKnown = new LinkedHashMap<>();
  ModelSubscriptions subscriptions = new ModelSubscriptions();
  FutureQueue futures = new FutureQueue();
  ViewsTable views = new ViewsTable();
  Xoshiro256 random;
  long lastSnapshotPoll = NEVER;
  long lastPersistencePoll = NEVER;
  boolean persistCoolOff;
  String persistedHash;
  // Not replicated as such: the sharing of names is, so afterDecode() rebuilds the table from the decoded
  // names at once. (Lazily would be wrong: a repeating future out of the queue while it runs would be missed.)
  private transient HandlerName.Interner names = new HandlerName.Interner();

  static VmState fresh(String sessionId) {
    VmState state = new VmState();
    state.sessionId = sessionId;
    state.random = Xoshiro256.seeded(sessionId);
    return state;
  }

  /** The stored form of {@code model}'s handler {@code name}, sharing one name instance per method. */
  MethodRef ref(Model model, HandlerName name) {
    return new MethodRef(model, names.intern(name));
  }

  long nextFutureSeq() {
    futureSeq = Seq.next(futureSeq);
    return futureSeq;
  }

  /** Rebuilds what is not stored after decoding (the sorted future queue now, indexes when first used). */
  void afterDecode() {
    futures.afterDecode();
    subscriptions.afterDecode();
    names = new HandlerName.Interner();
    subscriptions.forEachRef(ref -> names.intern(ref.name()));
    futures.forEachRef(ref -> names.intern(ref.name()));
  }
}
