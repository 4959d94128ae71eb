package dev.flamingo.core.vm;

import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.List;

/** A created (non-root) model with a subscription, a generic subscription and a repeating future. */
public class ChildModel extends Model {
  final List<String> seen = new ArrayList<>();
  String name;

  @Override
  protected void init(Object options) {
    name = (String) options;
    beWellKnownAs(name);
    subscribe("child", "ping", this::onPing);
    subscribe("*", "ping", this::onAnyPing);
    futureRepeat(50, this::tick);
  }

  void onPing(Object data) {
    seen.add("ping " + data + " @" + now());
  }

  void onAnyPing(Object data) {
    seen.add("any " + data + " @" + now());
  }

  void tick() {
    seen.add("tick @" + now());
  }

  void doPersist(Object data) {
    persistSession(data);
  }

  void doDestroy() {
    destroy();
  }
}
