package dev.flamingo.core;

import dev.flamingo.core.vm.ModelRuntime;
import dev.flamingo.core.vm.ViewDomain;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Base class of local, non-replicated views: read model state directly, never write it, and send input
 * to models by publishing events. No JavaFX here; the fx module builds on it. Thread rule: the VM's
 * thread (the thread that steps the session), like the models it reads.
 *
 * <p>Subscribe when built and {@link #detach()} when done: a detached view holds no subscriptions.
 * Handlers may be any lambda, because views are never snapshotted.
 */
public abstract class View {
  private final ViewDomain domain;

  /** Attaches the view to the VM that {@code model} lives in. */
  protected View(Model model) {
    Objects.requireNonNull(model, "model");
    this.domain = ModelRuntime.viewDomainOf(model);
    domain.attach(this);
  }

  /** This client's view id, shared by all its views and stable across reconnects. */
  public final String viewId() {
    return domain.viewId();
  }

  /** The session id. */
  public final String sessionId() {
    return domain.sessionId();
  }

  /** The VM time in ms. */
  public final long now() {
    return domain.now();
  }

  /** Called once per animation frame on the root view, after event processing; does nothing by default. */
  public void update(long frameTimeMs) {}

  /** Unsubscribes everything and detaches; overrides that detach child views must call super. */
  public void detach() {
    domain.detach(this);
  }

  /** True until {@link #detach()}. */
  public final boolean isAttached() {
    return domain.isAttached(this);
  }

  /** Publishes an event without data; see {@link #publish(String, String, Object)}. */
  protected final void publish(String scope, String event) {
    publish(scope, event, null);
  }

  /**
   * Publishes an event: models subscribed to exactly this topic receive a copy through the reflector on
   * every replica; local views receive {@code data} itself.
   */
  protected final void publish(String scope, String event, Object data) {
    domain.publish(this, scope, event, data);
  }

  /** Subscribes a handler taking no data, queued for the view phase. */
  protected final void subscribe(String scope, String event, Runnable handler) {
    subscribe(scope, event, Handling.QUEUED, handler);
  }

  /** Subscribes a handler taking the event data, queued for the view phase. */
  protected final <T> void subscribe(String scope, String event, Consumer<T> handler) {
    subscribe(scope, event, Handling.QUEUED, handler);
  }

  /** Subscribes a handler taking no data with the given handling. */
  protected final void subscribe(String scope, String event, Handling handling, Runnable handler) {
    Objects.requireNonNull(handler, "handler");
    domain.subscribe(this, scope, event, handling, handler, data -> handler.run());
  }

  /** Subscribes a handler taking the event data with the given handling. */
  @SuppressWarnings("unchecked")
  protected final <T> void subscribe(String scope, String event, Handling handling, Consumer<T> handler) {
    Objects.requireNonNull(handler, "handler");
    domain.subscribe(this, scope, event, handling, handler, data -> handler.accept((T) data));
  }

  /** Removes every handler of this view for the topic. */
  protected final void unsubscribe(String scope, String event) {
    domain.unsubscribe(this, scope, event, null);
  }

  /** Removes one handler (the same object passed to subscribe) of this view for the topic. */
  protected final void unsubscribe(String scope, String event, Runnable handler) {
    domain.unsubscribe(this, scope, event, Objects.requireNonNull(handler, "handler"));
  }

  /** Removes one handler (the same object passed to subscribe) of this view for the topic. */
  protected final void unsubscribe(String scope, String event, Consumer<?> handler) {
    domain.unsubscribe(this, scope, event, Objects.requireNonNull(handler, "handler"));
  }

  /** Removes every subscription of this view. */
  protected final void unsubscribeAll() {
    domain.unsubscribeAll(this);
  }
}
