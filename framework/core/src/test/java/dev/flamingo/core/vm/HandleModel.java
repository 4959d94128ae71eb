package dev.flamingo.core.vm;

import dev.flamingo.core.DataHandle;
import dev.flamingo.core.Model;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** A root model keeping the data handles views publish, in a list (duplicates kept) and a set. */
public class HandleModel extends Model {
  final List<DataHandle> handles = new ArrayList<>();
  final HashSet<DataHandle> distinct = new HashSet<>();

  @Override
  protected void init(Object options) {
    subscribe("data", "add", this::onAdd);
  }

  void onAdd(DataHandle handle) {
    handles.add(handle);
    distinct.add(handle);
  }
}
