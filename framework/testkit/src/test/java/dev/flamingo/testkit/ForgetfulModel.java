package dev.flamingo.testkit;

import dev.flamingo.core.Model;

/**
 * A planted bug the determinism guard cannot see: replicated state depends on a transient field, which
 * a replica restored from a snapshot starts without.
 */
public class ForgetfulModel extends Model {
  private transient long runningSum;
  long checksum;

  @Override
  protected void init(Object options) {
    subscribe("tally", "add", this::onAdd);
  }

  void onAdd(Integer n) {
    runningSum += n;
    checksum = checksum * 31 + runningSum;
  }
}
