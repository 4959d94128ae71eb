package dev.flamingo.samples.animation;

import dev.flamingo.fx.FxView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * Draws the box: one JavaFX shape per model shape, placed every frame between the last two model steps (see
 * {@link Smoothing}). A click in the box adds a shape there; Reset empties it. Thread rule: FX Application
 * Thread only (see {@link FxView}).
 */
public final class BoxView extends FxView<Box> {
  private static final long STEP_NANOS = Box.STEP_MS * 1_000_000L;

  private final Pane box = new Pane();
  private final Map<Shape, Sprite> sprites = new LinkedHashMap<>();
  private long arrivedNanos = System.nanoTime();

  /** A drawn shape with the positions of the last two steps. */
  private static final class Sprite {
    final Node node;
    double fromX;
    double fromY;
    double toX;
    double toY;

    Sprite(Node node, double x, double y) {
      this.node = node;
      fromX = toX = x;
      fromY = toY = y;
    }
  }

  /** Builds the view. */
  public BoxView(Box model) {
    super(model);
    box.setId("box");
    box.setPrefSize(Box.WIDTH, Box.HEIGHT);
    box.setMinSize(Box.WIDTH, Box.HEIGHT);
    box.setMaxSize(Box.WIDTH, Box.HEIGHT);
    box.setStyle("-fx-background-color: #f7fafc; -fx-border-color: #a0aec0;");
    handle(box, MouseEvent.MOUSE_CLICKED, e -> send("box", "add", new Point(e.getX() - Shape.SIZE / 2, e.getY() - Shape.SIZE / 2)));
    Button reset = new Button("Reset");
    reset.setId("reset");
    handle(reset, ActionEvent.ACTION, e -> send("box", "reset", null));
    setNode(new BorderPane(box, null, null, reset, null));
    subscribe("box", "changed", this::rebuild);
    subscribe("box", "moved", this::stepped);
    rebuild();
  }

  /** Places every shape for this frame. */
  @Override
  public void update(long frameTimeMs) {
    double f = Smoothing.fraction(arrivedNanos, System.nanoTime(), STEP_NANOS);
    for (Sprite s : sprites.values()) {
      s.node.relocate(Smoothing.between(s.fromX, s.toX, f), Smoothing.between(s.fromY, s.toY, f));
    }
  }

  /** The number of shapes drawn (for tests). */
  public int spriteCount() {
    return sprites.size();
  }

  private void stepped() {
    arrivedNanos = System.nanoTime();
    sprites.forEach((shape, s) -> {
      s.fromX = s.toX;
      s.fromY = s.toY;
      s.toX = shape.x();
      s.toY = shape.y();
    });
  }

  private void rebuild() {
    Map<Shape, Sprite> next = new LinkedHashMap<>();
    for (Shape shape : model().shapes()) {
      Sprite sprite = sprites.get(shape);
      next.put(shape, sprite != null ? sprite : new Sprite(node(shape), shape.x(), shape.y()));
    }
    sprites.clear();
    sprites.putAll(next);
    showOnly(next.values().stream().map(s -> s.node).toList());
  }

  /**
   * Removes the nodes of vanished shapes and appends new ones. Not {@code setAll}: re-adding children that are
   * still in the box, in the pulse that also relocates them, corrupted the Pane's cached bounds
   * (IndexOutOfBoundsException in Parent.updateCachedBounds) in AnimationIT.
   */
  private void showOnly(List<Node> nodes) {
    box.getChildren().retainAll(nodes);
    for (Node n : nodes) {
      if (n.getParent() != box) {
        box.getChildren().add(n);
      }
    }
  }

  private static Node node(Shape shape) {
    Color colour = Color.web(shape.colour());
    if (shape.isSquare()) {
      Rectangle r = new Rectangle(Shape.SIZE, Shape.SIZE, colour);
      r.setArcWidth(6);
      r.setArcHeight(6);
      return r;
    }
    Circle c = new Circle(Shape.SIZE / 2, colour);
    c.setCenterX(Shape.SIZE / 2);
    c.setCenterY(Shape.SIZE / 2);
    return c;
  }
}
