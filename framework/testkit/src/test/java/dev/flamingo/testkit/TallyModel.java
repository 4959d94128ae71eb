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

  void onJoin(ViewInfo view) {
    views.add(view.viewId() + "=" + view.viewData());
  }

  void onExit(ViewInfo view) {
    views.removeIf(entry -> entry.startsWith(view.viewId() + "="));
  }

  void tick() {
    samples.add(random());
    if (samples.size() > 20) {
      samples.remove(0);
    }
    future(50, this::tick);
  }
}
