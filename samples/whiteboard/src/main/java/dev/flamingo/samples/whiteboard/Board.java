package dev.flamingo.samples.whiteboard;

import dev.flamingo.core.Model;
import dev.flamingo.core.ViewInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whiteboard: every stroke in drawing order, the stroke each view is drawing, and each view's cursor.
 * Several views may draw at once; undo removes the undoing view's own latest stroke; clear empties the board.
 * A late joiner gets it all in the snapshot. Thread rule: the session thread (model code; reads from views).
 */
public class Board extends Model {
  private static final int MAX_POINTS = 4000;

  private List<Stroke> strokes;
  // Keyed by view id; LinkedHashMap iteration order is the same on every replica.
  private Map<String, Long> drawing;
  private Map<String, Dot> cursors;
  private long nextStroke;

  @Override
  protected void init(Object options) {
    strokes = new ArrayList<>();
    drawing = new LinkedHashMap<>();
    cursors = new LinkedHashMap<>();
    subscribe("board", "start", this::start);
    subscribe("board", "extend", this::extend);
    subscribe("board", "end", this::end);
    subscribe("board", "undo", this::undo);
    subscribe("board", "clear", this::clear);
    subscribe("board", "cursor", this::cursor);
    subscribe(sessionId(), "view-exit", this::viewExit);
  }

  /** The strokes in drawing order (read-only). */
  public List<Stroke> strokes() {
    return Collections.unmodifiableList(strokes);
  }

  /** The cursors of the views present, in order of first movement. */
  public List<Dot> cursors() {
    return List.copyOf(cursors.values());
  }

  void start(Dot at) {
    end(at.viewId());
    Stroke stroke = new Stroke(++nextStroke, at.viewId(), at.colour(), new ArrayList<>(List.of(at.x(), at.y())));
    strokes.add(stroke);
    drawing.put(at.viewId(), stroke.id());
    publish("board", "strokes");
  }

  void extend(Dot to) {
    Long id = drawing.get(to.viewId());
    int index = id == null ? -1 : indexOf(id);
    if (index < 0 || strokes.get(index).points().size() >= MAX_POINTS) {
      return;
    }
    strokes.set(index, strokes.get(index).extendedTo(to.x(), to.y()));
    publish("board", "strokes");
  }

  void end(String viewId) {
    drawing.remove(viewId);
  }

  void undo(String viewId) {
    for (int i = strokes.size() - 1; i >= 0; i--) {
      if (strokes.get(i).viewId().equals(viewId)) {
        drawing.values().remove(strokes.remove(i).id());
        publish("board", "strokes");
        return;
      }
    }
  }

  void clear() {
    strokes.clear();
    drawing.clear();
    publish("board", "strokes");
  }

  void cursor(Dot at) {
    cursors.put(at.viewId(), at);
    publish("board", "cursors");
  }

  void viewExit(Object exited) {
    String viewId = exited instanceof ViewInfo info ? info.viewId() : (String) exited;
    drawing.remove(viewId);
    if (cursors.remove(viewId) != null) {
      publish("board", "cursors");
    }
  }

  private int indexOf(long id) {
    for (int i = strokes.size() - 1; i >= 0; i--) {
      if (strokes.get(i).id() == id) {
        return i;
      }
    }
    return -1;
  }
}
