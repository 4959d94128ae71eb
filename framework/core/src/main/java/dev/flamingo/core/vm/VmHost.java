package dev.flamingo.core.vm;

import dev.flamingo.core.Votes;

/**
 * What the VM needs from its client: the local view id, the way to the reflector, and the system
 * callbacks that must run at VM time. Every method is called on the VM's thread, possibly while a
 * message executes, so implementations must not call {@link VirtualMachine#advanceTo} from them.
 */
public interface VmHost {

  /** This client's view id, shared by all its views and stable across reconnects. */
  String viewId();

  /** Sends a view's event to the reflector; called only when a model subscribes to exactly that topic. */
  void sendToReflector(ExternalMessage.ModelEvent event);

  /** A model or view handler threw; the VM has already skipped it. */
  void onHandlerError(HandlerError error);

  /**
   * A snapshot poll was accepted at VM {@code time} (seq of the poll message): the client votes with its
   * summary hash now. {@link VirtualMachine#snapshot()} may be called from here.
   */
  default void onSnapshotPoll(long time, long seq) {}

  /** A tally arrived at VM time; the elected client may call {@link VirtualMachine#snapshot()} from here. */
  default void onTally(ExternalMessage.Tally tally) {}

  /**
   * The root model offered new persistent data (codec bytes and their SHA-256 hex) and the 25 s cool-off
   * has passed: the client votes and uploads. Not called while restoring or during the root's init.
   */
  default void onPersist(byte[] data, String hash) {}

  /** Something inconsistent but survivable, such as the reflector's view count disagreeing with the views table. */
  default void onWarning(String message) {}

  /**
   * True while this replica takes part in votes on reflected events (Croquet: while synced). Asked while a
   * model runs {@code publishReflected}; a replica still catching up must answer false, or it would vote on
   * events the others settled long ago.
   */
  default boolean voting() {
    return false;
  }

  /** A model published a reflected event and {@link #voting()} said yes: send the vote to the reflector. */
  default void onReflected(Reflection reflection) {}

  /**
   * The copies of a reflected event disagreed and no model subscribes to its divergence (Croquet's
   * "uncaptured divergence"). Called on every replica at the tally's VM time; the default warns.
   */
  default void onUncapturedDivergence(Votes<?> votes) {
    onWarning("uncaptured divergence in " + votes.scope() + ":" + votes.event() + ": " + votes.copies().size()
        + " different copies from " + votes.voters() + " replicas; subscribeDivergence to handle it");
  }
}
