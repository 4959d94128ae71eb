package dev.flamingo.core.vm;

import dev.flamingo.core.ViewInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * The replicated table of views in the session with their view data and duplicate-connection counts,
 * and Croquet's {@code generateJoinExit}, which turns a reflector user-list change into
 * {@code view-join}/{@code view-exit} events. Model thread only.
 */
final class ViewsTable {
  static final String JOIN = "view-join";
  static final String EXIT = "view-exit";

  private LinkedHashMap<String, Entry> views = new LinkedHashMap<>();

  /** One view: its data and how many connections beyond the first it has (a rejoin overlapping the old one). */
  static final class Entry {
    Object data;
    boolean hasData;
    int extraConnections;

    Entry(Object data, boolean hasData, int extraConnections) {
      this.data = data;
      this.hasData = hasData;
      this.extraConnections = extraConnections;
    }

    Object payload(String viewId) {
      return hasData ? new ViewInfo(viewId, data) : viewId;
    }
  }

  /** True for {@code sessionId:view-join/view-exit}, which only the VM publishes (from peers messages). */
  static boolean isSystemEvent(String sessionId, String scope, String event) {
    return scope.equals(sessionId) && (event.equals(JOIN) || event.equals(EXIT));
  }

  /** An event to publish model-only: {@link #JOIN} or {@link #EXIT} with its payload. */
  record Change(String event, Object payload) {}

  int size() {
    return views.size();
  }

  /** The view ids, in join order. */
  List<String> ids() {
    return List.copyOf(views.keySet());
  }

  boolean contains(String viewId) {
    return views.containsKey(viewId);
  }

  /** Applies a peers message and returns the events to publish, exits first. */
  List<Change> apply(ExternalMessage.Peers peers, Function<byte[], Object> decoder) {
    List<ExternalMessage.Peer> entered = new ArrayList<>(peers.entered());
    List<String> exited = new ArrayList<>(peers.exited());
    if (entered.size() == peers.count()) {
      // The reflector just resumed the session: everyone it knows entered now, so every view recorded
      // in the snapshot is stale and must exit before the new joins.
      exited = new ArrayList<>(views.keySet());
      views.values().forEach(entry -> entry.extraConnections = 0);
    }
    cancelPairs(entered, exited);
    List<Change> changes = new ArrayList<>();
    for (String viewId : exited) {
      exit(viewId, changes);
    }
    for (ExternalMessage.Peer peer : entered) {
      join(peer, decoder, changes);
    }
    return changes;
  }

  /** A view that left and re-entered within one batch stays as it is: remove such ids from both lists in pairs. */
  private static void cancelPairs(List<ExternalMessage.Peer> entered, List<String> exited) {
    for (var it = exited.iterator(); it.hasNext(); ) {
      String viewId = it.next();
      for (int i = 0; i < entered.size(); i++) {
        if (entered.get(i).viewId().equals(viewId)) {
          entered.remove(i);
          it.remove();
          break;
        }
      }
    }
  }

  private void exit(String viewId, List<Change> changes) {
    Entry entry = views.get(viewId);
    if (entry == null) {
      return;
    }
    if (entry.extraConnections > 0) {
      entry.extraConnections--;
      return;
    }
    views.remove(viewId);
    changes.add(new Change(EXIT, entry.payload(viewId)));
  }

  private void join(ExternalMessage.Peer peer, Function<byte[], Object> decoder, List<Change> changes) {
    Entry entry = views.get(peer.viewId());
    if (entry != null) {
      entry.extraConnections++;
      return;
    }
    boolean hasData = peer.viewData() != null;
    entry = new Entry(hasData ? decoder.apply(peer.viewData()) : null, hasData, 0);
    views.put(peer.viewId(), entry);
    changes.add(new Change(JOIN, entry.payload(peer.viewId())));
  }

  /** Total connections the table accounts for, to compare with the reflector's count. */
  int connections() {
    int total = 0;
    for (Entry entry : views.values()) {
      total += 1 + entry.extraConnections;
    }
    return total;
  }
}
