package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.LinkedHashMap;

/**
 * Everything replicated about one VM, which is exactly what a snapshot holds (Croquet's VM fields).
 * The codec stores this object and everything it reaches field by field, except that the three big
 * tables (models, futures, subscriptions) are put into flat forms first, which the codec writes with far
 * fewer objects; the fields are not final because the decoder fills them. Model thread only.
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
  // Stored as the models alone, in creation order (the key is each model's id): a snapshot then holds one
  // string fewer per model, and a restored VM one string object fewer. Rebuilt by afterDecode().
  transient LinkedHashMap<String, Model> models = new LinkedHashMap<>();
  // Only set from beforeEncode() to afterEncode(), and from decoding to afterDecode().
  private Object[][] storedModels;
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
    return new MethodRef(model, intern(name));
  }

  /** The one shared instance equal to {@code name}. */
  HandlerName intern(HandlerName name) {
    return names.intern(name);
  }

  long nextFutureSeq() {
    futureSeq = Seq.next(futureSeq);
    return futureSeq;
  }

  /** Puts the tables into their flat stored forms for the encoder; call {@link #afterEncode()} when done. */
  void beforeEncode() {
    RefChunks.Writer stored = new RefChunks.Writer(models.size());
    models.values().forEach(stored::add);
    storedModels = stored.toArray();
    futures.beforeEncode();
    subscriptions.beforeEncode();
  }

  void afterEncode() {
    subscriptions.afterEncode();
    futures.afterEncode();
    storedModels = null;
  }

  /** Rebuilds what is not stored after decoding (the model table and sorted future queue now, indexes when first used). */
  void afterDecode() {
    ModelSerials.Index byId = restoreModels();
    futures.afterDecode(byId);
    subscriptions.afterDecode(byId);
    names = new HandlerName.Interner();
    subscriptions.forEachRef(ref -> names.intern(ref.name()));
    futures.forEach(future -> intern(future.name));
  }

  /**
   * Decoded data is untrusted: every entry must be a model whose id {@code "M" + n} comes after the
   * previous one's in creation order, and below the id the next created model gets.
   *
   * @return the table by serial, which the other tables refer to
   */
  private ModelSerials.Index restoreModels() {
    if (storedModels == null) {
      throw new IllegalArgumentException("corrupt snapshot: the model table is missing");
    }
    RefChunks.Reader table = new RefChunks.Reader(storedModels, "model table");
    models = new LinkedHashMap<>(StoredSubscriptions.capacity(table.remaining()));
    ModelSerials.Index byId = new ModelSerials.Index(table.remaining());
    while (table.remaining() > 0) {
      Object stored = table.next();
      if (!(stored instanceof Model model) || !byId.add(model)) {
        throw new IllegalArgumentException("corrupt snapshot: the model table lists " + stored
            + ", which is not a model with an id after the previous one's");
      }
      models.put(model.id(), model);
    }
    if (byId.last() > modelCount) {
      throw new IllegalArgumentException("corrupt snapshot: the model table lists model M" + byId.last()
          + " but only " + modelCount + " models were created");
    }
    storedModels = null;
    return byId;
  }
}
