package dev.flamingo.testkit;

import dev.flamingo.core.Model;
import dev.flamingo.core.ViewInfo;
import java.util.ArrayList;
import java.util.List;

/** A correct model: sums view events, tracks views by their data, and samples random() in a repeating future. */
public class TallyModel extends Model {
  long total;
  long checksum;
  final List<String> views = new ArrayList<>();
  final List<Double> samples = new ArrayList<>();

  @Override
  protected void init(Object options) {
    subscribe("tally", "add", this::onAdd);
    subscribe(sessionId(), "view-join", this::onJoin);
    subscribe(sessionId(), "view-exit", this::onExit);
    future(50, this::tick);
  }

  void onAdd(Integer n) {
    total += n;
    checksum = checksum * 31 + n + now();
  }

  // A view that joined with data arrives as a ViewInfo, one without as its id.
  void onJoin(Object view) {
    views.add(view instanceof ViewInfo info ? info.viewId() + "=" + info.viewData() : view + "=");
  }

  void onExit(Object view) {
    String id = view instanceof ViewInfo info ? info.viewId() : (String) view;
    views.removeIf(entry -> entry.startsWith(id + "="));
  }

  void tick() {
    samples.add(random());
    if (samples.size() > 20) {
      samples.remove(0);
    }
    future(50, this::tick);
  }
}
