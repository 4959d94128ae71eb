package dev.flamingo.fx;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;

/**
 * A view that owns a JavaFX {@link Node}: it reads the model, shows it in the node, and publishes user input
 * as events.
 *
 * <p>Thread rule: view code (the constructor, subscription handlers, {@code update}) runs on the thread that
 * steps the session, like the models it reads. In a {@link SessionWindow} that is the FX Application Thread,
 * so handlers may change nodes directly, and {@link #fx}, {@link #track} and {@link #trackList} apply their
 * work at once; a view run elsewhere (a headless replica in tests) builds its node before it is shown and
 * changes it only through those helpers, which the {@link FxBridge} then applies once per pulse. Handlers
 * added with {@link #handle} run on the FX thread and reach the model only through {@link #send}.
 *
 * <p>Everything a view hooks up is released by {@link #detach()}: its subscriptions, the JavaFX listeners and
 * handlers added through {@link #listen} and {@link #handle}, its child views; its node is taken out of its
 * parent. A control binds to model state in one line:
 *
 * <pre>{@code
 * nickname.textProperty().bind(track("viewInfo", "refresh", () -> model().nickname(viewId())));
 * Bindings.bindContent(lines.getChildren(), trackList("history", "refresh", model()::history, ChatView::line));
 * }</pre>
 *
 * @param <M> the model this view shows
 */
public abstract class FxView<M extends Model> extends View {
  private final M model;
  private final FxBridge bridge;
  private final List<FxView<?>> children = new ArrayList<>();
  private final List<Runnable> releases = new ArrayList<>();
  private FxView<?> parent;
  private Node node;

  /** Attaches the view to {@code model}'s session; scene-graph work goes through {@code bridge}. */
  protected FxView(M model, FxBridge bridge) {
    super(model);
    this.model = model;
    this.bridge = Objects.requireNonNull(bridge, "bridge");
  }

  /** The model this view reads (read only: change it by publishing events). */
  protected final M model() {
    return model;
  }

  /** The bridge to the FX thread, for child views. */
  protected final FxBridge bridge() {
    return bridge;
  }

  /** The node this view shows, or null before {@link #setNode}. */
  public final Node node() {
    return node;
  }

  /** Sets the node this view owns (build it before it is shown) and returns it. */
  protected final <N extends Node> N setNode(N node) {
    this.node = Objects.requireNonNull(node, "node");
    return node;
  }

  /** Makes {@code child} part of this view: it is detached with it. Returns the child. */
  protected final <V extends FxView<?>> V addChild(V child) {
    FxView<?> view = Objects.requireNonNull(child, "child");
    if (view.parent != null) {
      throw new IllegalArgumentException(view.getClass().getName() + " already belongs to " + view.parent.getClass().getName());
    }
    view.parent = this;
    children.add(view);
    return child;
  }

  /** The child views added and not yet detached. */
  public final List<FxView<?>> children() {
    return List.copyOf(children);
  }

  /** Scene-graph work: runs now on the FX thread, else is queued for the next pulse (in order). */
  protected final void fx(Runnable sceneWork) {
    bridge.toFx(sceneWork);
  }

  /**
   * Publishes an event from anywhere: on the FX thread (an input handler) it goes through the bridge, which
   * publishes at once when the FX thread steps the session; on the view's own thread it is published at once. Dropped if the view was detached meanwhile.
   */
  protected final void send(String scope, String event, Object data) {
    if (Platform.isFxApplicationThread()) {
      bridge.toSession(() -> {
        if (isAttached()) {
          publish(scope, event, data);
        }
      });
    } else {
      publish(scope, event, data);
    }
  }

  /** Adds a change listener (runs on the FX thread) that {@link #detach()} removes. */
  protected final <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
    value.addListener(listener);
    releases.add(() -> value.removeListener(listener));
  }

  /** Adds an invalidation listener (runs on the FX thread) that {@link #detach()} removes. */
  protected final void listen(Observable observable, InvalidationListener listener) {
    observable.addListener(listener);
    releases.add(() -> observable.removeListener(listener));
  }

  /** Adds an event handler (runs on the FX thread) to {@code target} that {@link #detach()} removes. */
  protected final <T extends Event> void handle(Node target, EventType<T> type, EventHandler<? super T> handler) {
    target.addEventHandler(type, handler);
    releases.add(() -> target.removeEventHandler(type, handler));
  }

  /**
   * A property holding {@code read.get()}, read now and again on the view's thread whenever the model
   * publishes {@code scope:event}; the FX thread sees the latest value at the next pulse.
   */
  protected final <T> ReadOnlyObjectProperty<T> track(String scope, String event, Supplier<? extends T> read) {
    ReadOnlyObjectWrapper<T> property = new ReadOnlyObjectWrapper<>(read.get());
    Consumer<T> latest = latestOnFx(property::set);
    subscribe(scope, event, () -> latest.accept(read.get()));
    return property.getReadOnlyProperty();
  }

  /**
   * An observable list of {@code map(item)} for the items of {@code read.get()}, updated whenever the model
   * publishes {@code scope:event}. The items are copied on the view's thread and mapped on the FX thread,
   * only those that changed, so {@code map} may build nodes; items should be immutable values (records).
   */
  protected final <T, R> ObservableList<R> trackList(String scope, String event, Supplier<? extends List<? extends T>> read,
      Function<? super T, ? extends R> map) {
    ObservableList<R> list = FXCollections.observableArrayList();
    ListMirror<T, R> mirror = new ListMirror<>(list, map);
    mirror.update(read.get());
    Consumer<List<T>> latest = latestOnFx(mirror::update);
    subscribe(scope, event, () -> latest.accept(List.copyOf(read.get())));
    return list;
  }

  /** Hands values to {@code apply} on the FX thread, coalescing those that arrive within one pulse. */
  private <T> Consumer<T> latestOnFx(Consumer<? super T> apply) {
    AtomicReference<T> pending = new AtomicReference<>();
    AtomicBoolean queued = new AtomicBoolean();
    return value -> {
      pending.set(value);
      if (!queued.getAndSet(true)) {
        bridge.toFx(() -> {
          queued.set(false);
          apply.accept(pending.get());
        });
      }
    };
  }

  /** Number of JavaFX listeners and handlers this view holds (its release is queued to the FX thread on detach). */
  public final int listenerCount() {
    return releases.size();
  }

  /** Detaches children, unsubscribes, and queues removal of the listeners, handlers and node to the FX thread. */
  @Override
  public void detach() {
    for (FxView<?> child : List.copyOf(children)) {
      child.detach();
    }
    List<Runnable> toRelease = List.copyOf(releases);
    releases.clear();
    Node shown = node;
    bridge.toFx(() -> {
      for (int i = toRelease.size() - 1; i >= 0; i--) {
        toRelease.get(i).run();
      }
      removeFromParent(shown);
    });
    if (parent != null) {
      parent.children.remove(this);
      parent = null;
    }
    super.detach();
  }

  private static void removeFromParent(Node node) {
    Parent parent = node == null ? null : node.getParent();
    if (parent instanceof Pane pane) {
      pane.getChildren().remove(node);
    } else if (parent instanceof Group group) {
      group.getChildren().remove(node);
    }
  }
}
