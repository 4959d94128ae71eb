package dev.flamingo.core.vm;

import java.util.Objects;

/**
 * A reflected event a model published while this replica votes ({@link VmHost#voting()}), for the host to
 * send as a TUTTI vote. Thread rule: immutable record, any thread (the data array is not copied: do not
 * change it).
 *
 * @param scope the scope
 * @param event the plain event name
 * @param key the tally key, identical on every replica and unique within the session:
 *     {@code reflected@time#message[.n]}, naming the message that published it and, after the first, the
 *     publish within it. Unlike Croquet's {@code topic@time} it names no topic, because the reflector sees it
 * @param time the VM time of the publish
 * @param data the payload encoding ({@link VirtualMachine#encodeEvent}) of the data, or null for none
 * @param wantsFirst a model subscribes to exactly {@code scope:event}, so the reflector should sequence the
 *     first copy it gets (model state: the same on every replica)
 * @param wantsVote a view of this replica subscribes with {@link dev.flamingo.core.Handling#VOTE}, so the
 *     reflector should send the tally even when every copy agrees (local: replicas may differ)
 */
public record Reflection(String scope, String event, String key, long time, byte[] data, boolean wantsFirst,
    boolean wantsVote) {

  /** Largest size ({@link #size}) of a reflected event: the same 16 KiB as a view event's payload. */
  public static final int MAX_BYTES = 16 * 1024;

  /** Validates that no name is null. */
  public Reflection {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(key, "key");
  }

  /** What the 16 KiB limit applies to, counted as for a view event: the names, the encoded data and 8 bytes. */
  public static int size(String scope, String event, byte[] data) {
    return scope.length() + event.length() + (data == null ? 0 : data.length) + 8;
  }
}
