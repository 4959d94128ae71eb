package dev.flamingo.core.vm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a reflected message asks the VM to do, built by the client after decrypting it; the reflector's
 * time and seq travel beside it in {@link VirtualMachine#schedule}. Views cannot invoke arbitrary model
 * methods: these are the only kinds (Croquet's {@code ENCODED_MESSAGES}). Thread rule: immutable records,
 * any thread (byte arrays are not copied: do not change them after handing them over).
 */
public sealed interface ExternalMessage {

  /**
   * A view's event for the models subscribed to {@code scope:event}; {@code data} is the payload encoding
   * from {@link VirtualMachine#encodeEvent}, or null for no data.
   */
  record ModelEvent(String scope, String event, byte[] data) implements ExternalMessage {
    /** Validates the topic. */
    public ModelEvent {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(event, "event");
      if (scope.indexOf(':') >= 0) {
        throw new IllegalArgumentException("scope must not contain ':', got \"" + scope + "\"");
      }
    }
  }

  /** Several view events sent together by one client, executed in order at one time and seq. */
  record Bundle(List<ModelEvent> events) implements ExternalMessage {
    /** Copies the list. */
    public Bundle {
      events = List.copyOf(events);
    }
  }

  /**
   * The reflector's user list change: views that entered (with their data) and the ids that exited;
   * {@code count} is the number of active connections after the change.
   */
  record Peers(List<Peer> entered, List<String> exited, int count) implements ExternalMessage {
    /** Copies the lists. */
    public Peers {
      entered = List.copyOf(entered);
      exited = List.copyOf(exited);
    }
  }

  /**
   * One entered view; {@code viewData} is the payload encoding ({@link VirtualMachine#encodeEvent}) of the
   * data its client joined with, or null.
   */
  record Peer(String viewId, byte[] viewData) {
    /** Validates the id. */
    public Peer {
      Objects.requireNonNull(viewId, "viewId");
    }
  }

  /** A client's poll for a snapshot; the VM accepts at most one per 5 s of VM time and then asks the host. */
  record SnapshotPoll() implements ExternalMessage {}

  /**
   * The reflector's tally of a TUTTI vote, passed to the host at VM time.
   *
   * @param target the tally target the voters named (for example {@code "snapshot"} or {@code "persist"})
   * @param votes each distinct vote payload and how many clients sent it, in reflector order
   */
  record Tally(String target, Map<String, Integer> votes) implements ExternalMessage {
    /** Validates and copies, keeping the reflector's order. */
    public Tally {
      Objects.requireNonNull(target, "target");
      votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
    }
  }

  /**
   * The first copy of a reflected event ({@link Reflection}) that reached the reflector, for the models
   * subscribed to exactly {@code scope:event}; {@code data} as in {@link ModelEvent}.
   */
  record ReflectedEvent(String scope, String event, byte[] data) implements ExternalMessage {
    /** Validates the topic. */
    public ReflectedEvent {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * The reflector's tally of a reflected event's copies: models subscribed to its divergence get it when the
   * copies disagree, views subscribed with {@link dev.flamingo.core.Handling#VOTE} always.
   *
   * @param copies each distinct copy (payload encoding, null for no data) and its voters, in reflector order
   * @param missing clients the reflector still waited for when it closed the tally
   * @param mine the index in {@code copies} of this replica's own vote, or -1; local, so only views see it
   */
  record ReflectedTally(String scope, String event, List<Copy> copies, int missing, int mine)
      implements ExternalMessage {
    /** Validates and copies the list. */
    public ReflectedTally {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(event, "event");
      copies = List.copyOf(copies);
      if (mine < -1 || mine >= copies.size()) {
        throw new IllegalArgumentException("mine must be -1 or an index into " + copies.size() + " copies, got "
            + mine);
      }
    }
  }

  /** One distinct copy in a {@link ReflectedTally}: its payload encoding (or null) and how many voted for it. */
  record Copy(byte[] data, int voters) {}

  /** Advances time and seq and does nothing else. */
  record Noop() implements ExternalMessage {}
}
