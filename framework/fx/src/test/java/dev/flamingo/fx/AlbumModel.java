package dev.flamingo.fx;

import dev.flamingo.core.DataHandle;
import dev.flamingo.core.Model;
import java.util.ArrayList;

/** Test model keeping the data handles its views publish, and telling views when one arrives. */
public class AlbumModel extends Model {
  final ArrayList<DataHandle> handles = new ArrayList<>();

  @Override
  protected void init(Object options) {
    subscribe("album", "add", this::add);
  }

  void add(DataHandle handle) {
    handles.add(handle);
    publish("album", "added");
  }

  /** The latest handle, or null. */
  public DataHandle latest() {
    return handles.isEmpty() ? null : handles.get(handles.size() - 1);
  }
}
