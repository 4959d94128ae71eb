package dev.flamingo.samples.whiteboard;

import dev.flamingo.fx.FxView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Draws the board and turns the mouse into board events: press, drag and release draw a stroke in the chosen
 * colour, moving shows this user's cursor to the others (at most 20 times a second), Undo and Clear act on the
 * board. Thread rule: FX Application Thread only (see {@link FxView}).
 */
public final class BoardView extends FxView<Board> {
  static final double WIDTH = 800;
  static final double HEIGHT = 500;
  private static final List<String> PALETTE = List.of("#1a202c", "#e53e3e", "#3182ce", "#38a169", "#dd6b20");
  private static final long CURSOR_EVERY_NANOS = 50_000_000L;

  private final String me;
  private final ToggleGroup colours = new ToggleGroup();
  private long lastCursorNanos;
  private double lastX;
  private double lastY;

  /** Builds the view. */
  public BoardView(Board model) {
    super(model);
    me = viewId();
    Group strokes = new Group();
    strokes.setId("strokes");
    Bindings.bindContent(strokes.getChildren(), trackList("board", "strokes", model::strokes, BoardView::polyline));
    Group cursors = new Group();
    cursors.setId("cursors");
    Bindings.bindContent(cursors.getChildren(), trackList("board", "cursors", this::othersCursors, BoardView::cursor));
    Pane board = new Pane(strokes, cursors);
    board.setId("board");
    board.setPrefSize(WIDTH, HEIGHT);
    board.setClip(new Rectangle(WIDTH, HEIGHT));
    board.setStyle("-fx-background-color: white; -fx-border-color: #cbd5e0;");
    handle(board, MouseEvent.MOUSE_PRESSED, e -> pen("start", e));
    handle(board, MouseEvent.MOUSE_DRAGGED, this::drag);
    handle(board, MouseEvent.MOUSE_RELEASED, e -> send("board", "end", me));
    handle(board, MouseEvent.MOUSE_MOVED, this::move);
    setNode(new BorderPane(board, toolbar(), null, null, null));
  }

  private List<Dot> othersCursors() {
    return model().cursors().stream().filter(c -> !c.viewId().equals(me)).toList();
  }

  private HBox toolbar() {
    HBox bar = new HBox(6);
    bar.setPadding(new Insets(6));
    for (int i = 0; i < PALETTE.size(); i++) {
      ToggleButton swatch = new ToggleButton();
      swatch.setId("colour-" + i);
      swatch.setUserData(PALETTE.get(i));
      swatch.setToggleGroup(colours);
      swatch.setGraphic(new Circle(8, Color.web(PALETTE.get(i))));
      swatch.setSelected(i == 0);
      bar.getChildren().add(swatch);
    }
    Button undo = new Button("Undo my last stroke");
    undo.setId("undo");
    handle(undo, ActionEvent.ACTION, e -> send("board", "undo", me));
    Button clear = new Button("Clear board");
    clear.setId("clear");
    handle(clear, ActionEvent.ACTION, e -> send("board", "clear", null));
    bar.getChildren().addAll(undo, clear);
    return bar;
  }

  private String colour() {
    return colours.getSelectedToggle() == null ? PALETTE.get(0) : (String) colours.getSelectedToggle().getUserData();
  }

  private void pen(String event, MouseEvent e) {
    lastX = e.getX();
    lastY = e.getY();
    send("board", event, new Dot(me, colour(), e.getX(), e.getY()));
  }

  private void drag(MouseEvent e) {
    // Skip sub-pixel jitter: it would only add events.
    if (Math.abs(e.getX() - lastX) + Math.abs(e.getY() - lastY) >= 2) {
      pen("extend", e);
    }
    // The cursor follows drags too, so others see where a stroke is being drawn.
    move(e);
  }

  private void move(MouseEvent e) {
    long now = System.nanoTime();
    if (now - lastCursorNanos >= CURSOR_EVERY_NANOS) {
      lastCursorNanos = now;
      send("board", "cursor", new Dot(me, colour(), e.getX(), e.getY()));
    }
  }

  private static Node polyline(Stroke stroke) {
    Polyline line = new Polyline();
    line.getPoints().setAll(stroke.points());
    line.setStroke(Color.web(stroke.colour()));
    line.setStrokeWidth(3);
    line.setStrokeLineCap(StrokeLineCap.ROUND);
    line.setStrokeLineJoin(StrokeLineJoin.ROUND);
    line.setUserData(stroke.viewId());
    return line;
  }

  private static Node cursor(Dot dot) {
    Circle pointer = new Circle(5, Color.web(dot.colour()));
    Label name = new Label(dot.viewId());
    name.setLayoutX(8);
    name.setStyle("-fx-font-size: 10px;");
    Group cursor = new Group(pointer, name);
    cursor.setLayoutX(dot.x());
    cursor.setLayoutY(dot.y());
    cursor.setMouseTransparent(true);
    return cursor;
  }
}
