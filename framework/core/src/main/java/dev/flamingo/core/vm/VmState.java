package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything replicated about one VM, which is exactly what a snapshot holds (Croquet's VM fields);
 * the snapshot image is built from JDK collections only, so the codec needs no VM types. Model thread only.
 */
final class VmState {
  static final long NEVER = Long.MIN_VALUE;

  final String sessionId;
  long time;
  long externalTime;
  long externalSeq = Seq.INITIAL;
  long futureSeq;
  long futureIds;
  long modelCount;
  String rootId;
  final LinkedHashMap<String, Model> models;
  final LinkedHashMap<String, String> wellKnown;
  final ModelSubscriptions subscriptions;
  final FutureQueue futures;
  final ViewsTable views;
  final Xoshiro256 random;
  long lastSnapshotPoll = NEVER;
  long lastPersistencePoll = NEVER;
  boolean persistCoolOff;
  String persistedHash;

  private VmState(String sessionId, LinkedHashMap<String, Model> models, LinkedHashMap<String, String> wellKnown,
      ModelSubscriptions subscriptions, FutureQueue futures, ViewsTable views, Xoshiro256 random) {
    this.sessionId = sessionId;
    this.models = models;
    this.wellKnown = wellKnown;
    this.subscriptions = subscriptions;
    this.futures = futures;
    this.views = views;
    this.random = random;
  }

  static VmState fresh(String sessionId) {
    return new VmState(sessionId, new LinkedHashMap<>(), new LinkedHashMap<>(), new ModelSubscriptions(),
        new FutureQueue(), new ViewsTable(), Xoshiro256.seeded(sessionId));
  }

  long nextFutureSeq() {
    futureSeq = Seq.next(futureSeq);
    return futureSeq;
  }

  /** The snapshot root: insertion-ordered, futures sorted, so equal state encodes to equal bytes. */
  LinkedHashMap<String, Object> toImage(String versionId) {
    LinkedHashMap<String, Object> image = new LinkedHashMap<>();
    image.put("versionId", versionId);
    image.put("sessionId", sessionId);
    image.put("time", time);
    image.put("externalTime", externalTime);
    image.put("externalSeq", externalSeq);
    image.put("futureSeq", futureSeq);
    image.put("futureIds", futureIds);
    image.put("modelCount", modelCount);
    image.put("rootId", rootId);
    image.put("models", models);
    image.put("wellKnown", wellKnown);
    image.put("subscriptions", subscriptions.toSnapshot());
    image.put("futures", new ArrayList<>(futures.toRows()));
    image.put("views", views.toSnapshot());
    image.put("random", random.state());
    image.put("lastSnapshotPoll", lastSnapshotPoll);
    image.put("lastPersistencePoll", lastPersistencePoll);
    image.put("persistCoolOff", persistCoolOff);
    image.put("persistedHash", persistedHash);
    return image;
  }

  @SuppressWarnings("unchecked")
  static VmState fromImage(Map<?, ?> image) {
    FutureQueue futures = new FutureQueue();
    futures.addRows((List<?>) image.get("futures"));
    VmState state = new VmState((String) image.get("sessionId"),
        (LinkedHashMap<String, Model>) image.get("models"),
        (LinkedHashMap<String, String>) image.get("wellKnown"),
        ModelSubscriptions.fromSnapshot((Object[]) image.get("subscriptions")),
        futures,
        ViewsTable.fromSnapshot((Map<?, ?>) image.get("views")),
        Xoshiro256.restored((long[]) image.get("random")));
    state.time = (Long) image.get("time");
    state.externalTime = (Long) image.get("externalTime");
    state.externalSeq = (Long) image.get("externalSeq");
    state.futureSeq = (Long) image.get("futureSeq");
    state.futureIds = (Long) image.get("futureIds");
    state.modelCount = (Long) image.get("modelCount");
    state.rootId = (String) image.get("rootId");
    state.lastSnapshotPoll = (Long) image.get("lastSnapshotPoll");
    state.lastPersistencePoll = (Long) image.get("lastPersistencePoll");
    state.persistCoolOff = (Boolean) image.get("persistCoolOff");
    state.persistedHash = (String) image.get("persistedHash");
    return state;
  }
}
