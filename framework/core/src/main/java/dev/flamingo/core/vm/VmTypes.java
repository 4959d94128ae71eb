package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import dev.flamingo.core.snapshot.TypeRegistry;

/**
 * Registers the VM's own snapshot classes under reserved {@code flamingo.} ids; called by
 * {@link dev.flamingo.core.Registry} while it builds its type registry. Thread rule: the builder's thread.
 */
public final class VmTypes {
  /**
   * Version of the VM snapshot layout: its header and the shapes of the classes registered here. Bump
   * it whenever one of them changes; it is part of every {@code versionId}, so builds that disagree
   * never share a session, and a snapshot from another build is refused before it is decoded. Also bumped
   * when the framework's reserved types before the VM's change, as they shift every later type number
   * (5: {@code flamingo.DataHandle}; 6: futures and subscriptions name models by serial).
   */
  public static final int SCHEMA = 6;

  private VmTypes() {}

  /**
   * Adds the VM state classes to {@code types}, which must not be frozen yet, and lets the encoder note
   * each model's index in the model itself.
   */
  public static void registerInto(TypeRegistry types) {
    // Before any model class is registered: only the VM's capture encodes models as such (payloads
    // carry them as ids), on the VM's thread, so no two encodes share them.
    types.indexInField(Model.class, "snapshotIndex")
        .register("flamingo.VmState", VmState.class)
        .register("flamingo.FutureQueue", FutureQueue.class)
        .register("flamingo.StoredFutures", StoredFutures.class)
        .register("flamingo.MethodRef", MethodRef.class)
        .register("flamingo.HandlerName", HandlerName.class)
        .register("flamingo.Subscriptions", ModelSubscriptions.class)
        .register("flamingo.StoredSubscriptions", StoredSubscriptions.class)
        .register("flamingo.GenericSubscription", ModelSubscriptions.Generic.class)
        .register("flamingo.Views", ViewsTable.class)
        .register("flamingo.ViewEntry", ViewsTable.Entry.class)
        .register("flamingo.Random", Xoshiro256.class);
  }
}
