package dev.flamingo.fx;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * A view that owns a JavaFX {@link Node}: read the model, show it in the node, publish user input as events.
 * Thread rule: FX Application Thread only (checked when built), which under {@link FxSessionHost} is also the
 * thread that owns the models.
 *
 * <p>Everything a view hooks up is released by {@link #detach()}: its subscriptions (by the core), the
 * JavaFX listeners and event handlers added through {@link #listen} and {@link #handle}, its child views, and
 * its node is taken out of its parent. {@link #track} and {@link #trackList} keep a property or an observable
 * list in step with the model, so a control binds to model state in one line:
 *
 * <pre>{@code
 * nickname.textProperty().bind(track("viewInfo", "refresh", () -> model().nickname(viewId())));
 * lines.getChildren().setAll(...);  // or: Bindings.bindContent(box.getChildren(), trackList(...))
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

  /** Attaches the view to {@code model}'s session; must run on the FX Application Thread. */
  protected FxView(M model) {
    super(onFxThread(model));
    this.model = model;
  }

  private static <M extends Model> M onFxThread(M model) {
    FxThread.check("building an FxView");
    return Objects.requireNonNull(model, "model");
  }

  /** The model this view reads (read only: change it by publishing events). */
  protected final M model() {
    return model;
  }

  /** The node this view shows, or null before {@link #setNode}. */
  public final Node node() {
    return node;
  }

  /** Sets the node this view owns and returns it. */
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

  /** Adds a change listener that {@link #detach()} removes. */
  protected final <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
    value.addListener(listener);
    releases.add(() -> value.removeListener(listener));
  }

  /** Adds an invalidation listener that {@link #detach()} removes. */
  protected final void listen(Observable observable, InvalidationListener listener) {
    observable.addListener(listener);
    releases.add(() -> observable.removeListener(listener));
  }

  /** Adds an event handler to {@code target} that {@link #detach()} removes. */
  protected final <T extends Event> void handle(Node target, EventType<T> type, EventHandler<? super T> handler) {
    target.addEventHandler(type, handler);
    releases.add(() -> target.removeEventHandler(type, handler));
  }

  /**
   * A property holding {@code read.get()}, read now and again whenever the model publishes
   * {@code scope:event} (delivered in the view phase of the pulse).
   */
  protected final <T> ReadOnlyObjectProperty<T> track(String scope, String event, Supplier<? extends T> read) {
    ReadOnlyObjectWrapper<T> property = new ReadOnlyObjectWrapper<>(read.get());
    subscribe(scope, event, () -> property.set(read.get()));
    return property.getReadOnlyProperty();
  }

  /**
   * An observable list of {@code map(item)} for the items of {@code read.get()}, updated whenever the model
   * publishes {@code scope:event}; only changed items are mapped again, so {@code map} may build nodes.
   */
  protected final <T, R> ObservableList<R> trackList(String scope, String event, Supplier<? extends List<? extends T>> read,
      Function<? super T, ? extends R> map) {
    ObservableList<R> list = FXCollections.observableArrayList();
    ListMirror<T, R> mirror = new ListMirror<>(list, map);
    mirror.update(read.get());
    subscribe(scope, event, () -> mirror.update(read.get()));
    return list;
  }

  /** Number of JavaFX listeners and handlers this view still holds; 0 once detached. */
  public final int listenerCount() {
    return releases.size();
  }

  /** Detaches children, removes listeners and handlers, takes the node out of its parent, and unsubscribes. */
  @Override
  public void detach() {
    FxThread.check("FxView.detach");
    for (FxView<?> child : List.copyOf(children)) {
      child.detach();
    }
    for (int i = releases.size() - 1; i >= 0; i--) {
      releases.get(i).run();
    }
    releases.clear();
    removeFromParent(node);
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
