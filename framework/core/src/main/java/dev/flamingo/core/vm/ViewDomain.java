package dev.flamingo.core.vm;

import dev.flamingo.core.Handling;
import dev.flamingo.core.View;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The local, non-replicated side of one VM: the views built on its models and their subscriptions.
 * Events for views are delivered immediately, queued, or once per frame; the host drains them with
 * {@link #processFrameEvents(boolean)} in its view phase (Croquet's {@code processFrameEvents}). Subscriptions
 * with {@link Handling#VOTE} never see events; they get the tallies of reflected events on their exact topic.
 * Thread rule: the VM's owner thread.
 */
public final class ViewDomain {
  private final VirtualMachine vm;
  private final VmHost host;
  private final Map<String, List<Entry>> subscriptions = new LinkedHashMap<>();
  private final ArrayDeque<Event> queued = new ArrayDeque<>();
  private final Map<String, Event> perFrame = new LinkedHashMap<>();
  private final List<View> views = new ArrayList<>();

  private record Entry(View view, Handling handling, Object handler, Consumer<Object> call) {}

  private record Event(String scope, String event, Object data) {}

  ViewDomain(VirtualMachine vm, VmHost host) {
    this.vm = vm;
    this.host = host;
  }

  // ---- for View ----

  /** Registers a newly built view. */
  public void attach(View view) {
    vm.checkThread();
    views.add(view);
  }

  /** Unsubscribes and deregisters {@code view}; idempotent. */
  public void detach(View view) {
    vm.checkThread();
    unsubscribeAll(view);
    views.remove(view);
  }

  /** True while {@code view} is attached. */
  public boolean isAttached(View view) {
    return views.contains(view);
  }

  /** This client's view id. */
  public String viewId() {
    return host.viewId();
  }

  /** The VM time. */
  public long now() {
    return vm.time();
  }

  /** The session id. */
  public String sessionId() {
    return vm.sessionId();
  }

  /**
   * A view publishes: to the reflector if a model subscribes to exactly this topic, and to views
   * (immediate handlers now, the others in the view phase).
   */
  public void publish(View view, String scope, String event, Object data) {
    requireAttached(view, "publish");
    Topics.check(scope, event, false);
    if (ViewsTable.isSystemEvent(vm.sessionId(), scope, event)) {
      throw new IllegalArgumentException(event + " is published by the VM when the reflector reports a view joining"
          + " or leaving; views cannot publish it");
    }
    if (vm.isModelSubscribed(scope, event)) {
      host.sendToReflector(new ExternalMessage.ModelEvent(scope, event, data == null ? null : vm.encodeEvent(data)));
    }
    handleEvent(scope, event, data);
  }

  /** Subscribes {@code call} (identified by {@code handler} for unsubscribe); {@code "*"} is generic. */
  public void subscribe(View view, String scope, String event, Handling handling, Object handler, Consumer<Object> call) {
    requireAttached(view, "subscribe");
    Topics.check(scope, event, true);
    Objects.requireNonNull(handling, "handling");
    Objects.requireNonNull(handler, "handler");
    if (handling == Handling.VOTE && ModelSubscriptions.isGeneric(scope, event)) {
      throw new IllegalArgumentException("VOTE handling takes the exact topic of a reflected event, got \""
          + ModelSubscriptions.topic(scope, event) + "\"");
    }
    subscriptions.computeIfAbsent(ModelSubscriptions.topic(scope, event), t -> new ArrayList<>())
        .add(new Entry(view, handling, handler, call));
  }

  /** Removes {@code handler} (or, if null, all handlers) of {@code view} for the topic. */
  public void unsubscribe(View view, String scope, String event, Object handler) {
    vm.checkThread();
    String topic = ModelSubscriptions.topic(scope, event);
    List<Entry> entries = subscriptions.get(topic);
    if (entries != null) {
      entries.removeIf(e -> e.view == view && (handler == null || e.handler == handler));
      if (entries.isEmpty()) {
        subscriptions.remove(topic);
      }
    }
  }

  /** Removes every subscription of {@code view}. */
  public void unsubscribeAll(View view) {
    vm.checkThread();
    subscriptions.values().forEach(entries -> entries.removeIf(e -> e.view == view));
    subscriptions.values().removeIf(List::isEmpty);
  }

  /** Number of subscriptions {@code view} holds; a detached view holds none. */
  public int subscriptionCount(View view) {
    vm.checkThread();
    int count = 0;
    for (List<Entry> entries : subscriptions.values()) {
      for (Entry e : entries) {
        count += e.view == view ? 1 : 0;
      }
    }
    return count;
  }

  // ---- for the host ----

  /**
   * Publishes a view-only event from the client (for example {@code viewId:"synced"}); it never reaches
   * models or the reflector.
   */
  public void publishToViews(String scope, String event, Object data) {
    vm.checkThread();
    Topics.check(scope, event, false);
    handleEvent(scope, event, data);
  }

  /**
   * The view phase: delivers queued events in publish order (including ones queued meanwhile), then, in
   * an animation frame, the latest once-per-frame event of each topic and any events queued by those.
   *
   * @return the number of events delivered
   */
  public int processFrameEvents(boolean animationFrame) {
    vm.checkThread();
    int delivered = drainQueued();
    if (animationFrame && !perFrame.isEmpty()) {
      List<Event> frame = new ArrayList<>(perFrame.values());
      perFrame.clear();
      for (Event e : frame) {
        deliver(e, Handling.ONCE_PER_FRAME);
      }
      delivered += frame.size() + drainQueued();
    }
    return delivered;
  }

  /** True if events wait for {@link #processFrameEvents}: the host should run a view phase soon. */
  public boolean hasFrameEvents() {
    return !queued.isEmpty() || !perFrame.isEmpty();
  }

  private int drainQueued() {
    int delivered = 0;
    for (Event e = queued.poll(); e != null; e = queued.poll()) {
      deliver(e, Handling.QUEUED);
      delivered++;
    }
    return delivered;
  }

  // ---- for the VM ----

  boolean hasSubscriptions() {
    return !subscriptions.isEmpty();
  }

  /** True if a view subscribes to exactly {@code topic} with {@link Handling#VOTE}. */
  boolean hasVoteSubscribers(String topic) {
    List<Entry> entries = subscriptions.get(topic);
    return entries != null && entries.stream().anyMatch(e -> e.handling == Handling.VOTE);
  }

  /** Runs the VOTE handlers of exactly {@code scope:event} with a tally, now. */
  void deliverVotes(String scope, String event, Object votes) {
    List<Entry> entries = subscriptions.get(ModelSubscriptions.topic(scope, event));
    if (entries != null) {
      for (Entry e : List.copyOf(entries)) {
        if (e.handling == Handling.VOTE) {
          run(e, scope, event, votes);
        }
      }
    }
  }

  /** Routes an event to view handlers: immediate ones now, the others queued for the view phase. */
  void handleEvent(String scope, String event, Object data) {
    boolean queue = false;
    boolean frame = false;
    for (Entry e : matching(scope, event)) {
      switch (e.handling) {
        case IMMEDIATE -> run(e, scope, event, data);
        case QUEUED -> queue = true;
        case ONCE_PER_FRAME -> frame = true;
        case VOTE -> { } // tallies only, through deliverVotes
      }
    }
    if (queue) {
      queued.add(new Event(scope, event, data));
    }
    if (frame) {
      perFrame.put(ModelSubscriptions.topic(scope, event), new Event(scope, event, data));
    }
  }

  private void deliver(Event e, Handling handling) {
    for (Entry entry : matching(e.scope, e.event)) {
      if (entry.handling == handling) {
        run(entry, e.scope, e.event, e.data);
      }
    }
  }

  /** Matching entries in Croquet's order: {@code *:*}, {@code scope:*}, {@code *:event}, then the topic. */
  private List<Entry> matching(String scope, String event) {
    List<Entry> result = new ArrayList<>();
    if (!ModelSubscriptions.isInternal(scope, event)) {
      addAll(result, "*:*");
      addAll(result, scope + ":*");
      addAll(result, "*:" + event);
    }
    addAll(result, ModelSubscriptions.topic(scope, event));
    return result;
  }

  private void addAll(List<Entry> result, String topic) {
    List<Entry> entries = subscriptions.get(topic);
    if (entries != null) {
      result.addAll(entries);
    }
  }

  /** Runs a view handler unless its view detached meanwhile; its exceptions are reported, never thrown. */
  private void run(Entry e, String scope, String event, Object data) {
    if (!views.contains(e.view)) {
      return;
    }
    try {
      e.call.accept(data);
    } catch (RuntimeException ex) {
      host.onHandlerError(new HandlerError(false, e.view.getClass().getName(), "event " + scope + ":" + event,
          vm.time(), ex));
    }
  }

  private void requireAttached(View view, String what) {
    vm.checkThread();
    if (!views.contains(view)) {
      throw new IllegalStateException(what + " on detached view " + view.getClass().getName());
    }
  }
}
