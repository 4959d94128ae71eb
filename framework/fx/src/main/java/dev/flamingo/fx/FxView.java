package dev.flamingo.fx;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * <p>Thread rule: FX Application Thread only (the constructor checks). View code (the constructor,
 * subscription handlers, {@code update}) runs on the thread that steps the session, like the models it reads;
 * a {@link SessionWindow} steps on the FX thread, so handlers change nodes directly, and input handlers added
 * with {@link #handle} reach the model through {@link #send}.
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
  private final List<FxView<?>> children = new ArrayList<>();
  private final List<Runnable> releases = new ArrayList<>();
  private FxView<?> parent;
  private Node node;

  /**
   * Attaches the view to {@code model}'s session.
   *
   * @throws IllegalStateException naming the thread, unless on the FX Application Thread (the session must be
   *     stepped there, as {@link SessionWindow} does)
   */
  protected FxView(M model) {
    super(checkedOnFx(model));
    this.model = model;
  }

  // Checked before View's constructor attaches the view to the session, so a refused view leaves nothing behind.
  private static <M extends Model> M checkedOnFx(M model) {
    if (!Platform.isFxApplicationThread()) {
      throw new IllegalStateException("an FxView of " + (model == null ? "null" : model.getClass().getName())
          + " was built on thread \"" + Thread.currentThread().getName() + "\": FxViews are built and run on the FX"
          + " Application Thread, which must step the session (SessionWindow does; or call Session.step from an"
          + " AnimationTimer)");
    }
    return model;
  }

  /** The model this view reads (read only: change it by publishing events). */
  protected final M model() {
    return model;
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

  /** Publishes an event from an input handler; dropped if the view was detached meanwhile (a late click). */
  protected final void send(String scope, String event, Object data) {
    if (isAttached()) {
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
   * A property holding {@code read.get()}, read now and again whenever the model publishes {@code scope:event}
   * (view events arrive once per frame, so a burst of changes sets it once).
   */
  protected final <T> ReadOnlyObjectProperty<T> track(String scope, String event, Supplier<? extends T> read) {
    ReadOnlyObjectWrapper<T> property = new ReadOnlyObjectWrapper<>(read.get());
    subscribe(scope, event, () -> property.set(read.get()));
    return property.getReadOnlyProperty();
  }

  /**
   * An observable list of {@code map(item)} for the items of {@code read.get()}, updated whenever the model
   * publishes {@code scope:event}; only changed items are mapped again, so {@code map} may build nodes. Items
   * should be immutable values (records): the list keeps a copy to compare with the next change.
   */
  protected final <T, R> ObservableList<R> trackList(String scope, String event, Supplier<? extends List<? extends T>> read,
      Function<? super T, ? extends R> map) {
    ObservableList<R> list = FXCollections.observableArrayList();
    ListMirror<T, R> mirror = new ListMirror<>(list, map);
    mirror.update(read.get());
    subscribe(scope, event, () -> mirror.update(List.copyOf(read.get())));
    return list;
  }

  /** Number of JavaFX listeners and handlers this view holds. */
  public final int listenerCount() {
    return releases.size();
  }

  /**
   * Detaches children, unsubscribes, and removes the listeners, handlers and node; on another thread (a
   * session left from elsewhere detaches its view there) the scene-graph part is handed to the FX thread.
   */
  @Override
  public void detach() {
    for (FxView<?> child : List.copyOf(children)) {
      child.detach();
    }
    List<Runnable> toRelease = List.copyOf(releases);
    releases.clear();
    Node shown = node;
    Runnable release = () -> {
      for (int i = toRelease.size() - 1; i >= 0; i--) {
        toRelease.get(i).run();
      }
      removeFromParent(shown);
    };
    if (Platform.isFxApplicationThread()) {
      release.run();
    } else {
      Platform.runLater(release);
    }
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
