package dev.flamingo.core;

import java.util.List;
import java.util.Objects;

/**
 * The tally of a reflected event ({@link Model#publishReflected}): each distinct copy of the data the replicas
 * published, with how many of them voted for it, in the reflector's order. Model subscribers of
 * {@link Model#subscribeDivergence} get it when the copies disagree; views subscribed with
 * {@link Handling#VOTE} get every tally the reflector sends. Thread rule: immutable apart from the data
 * objects, which subscribers share as they share any event data; read it on the VM's thread.
 *
 * <p>Votes is an event value, not model state: a model that wants to keep something of it keeps the data
 * or the numbers, or registers {@code Votes} and {@code Votes.Copy} itself.
 *
 * @param scope the scope the event was published to
 * @param event the plain event name (without {@code #reflected})
 * @param copies each distinct copy and its voters, at least one
 * @param missing clients the reflector still waited for when it closed the tally (after 1 s): replicas not
 *     yet synced, which do not vote, or slow ones
 * @param mine this replica's own copy, for views: null when this replica did not vote, and always null for
 *     models, whose state must never depend on which replica they run in
 * @param <T> the type of the published data
 */
public record Votes<T>(String scope, String event, List<Copy<T>> copies, int missing, Copy<T> mine) {

  /**
   * One distinct copy of the data.
   *
   * @param data the data as this copy's voters published it (null for an event without data)
   * @param voters how many replicas published exactly this copy
   * @param <T> the type of the published data
   */
  public record Copy<T>(T data, int voters) {}

  /** Validates and copies the list. */
  public Votes {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(event, "event");
    copies = List.copyOf(copies);
    if (copies.isEmpty()) {
      throw new IllegalArgumentException("a tally has at least one copy");
    }
    if (mine != null && !copies.contains(mine)) {
      throw new IllegalArgumentException("mine must be one of the copies, got " + mine);
    }
  }

  /** True when every replica that voted published the same data. */
  public boolean agreed() {
    return copies.size() == 1;
  }

  /** How many replicas voted. */
  public int voters() {
    return copies.stream().mapToInt(Copy::voters).sum();
  }

  /** The copy with the most voters; a tie goes to the one the reflector heard first. */
  public Copy<T> majority() {
    Copy<T> best = copies.get(0);
    for (Copy<T> c : copies) {
      best = c.voters() > best.voters() ? c : best;
    }
    return best;
  }
}
