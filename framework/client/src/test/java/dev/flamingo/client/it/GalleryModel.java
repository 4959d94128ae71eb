package dev.flamingo.client.it;

import dev.flamingo.client.Data;
import dev.flamingo.core.DataHandle;
import dev.flamingo.core.Model;
import dev.flamingo.core.guard.AllowNondeterminism;
import java.util.ArrayList;
import java.util.List;

/** A root model keeping the data handles its views publish; it can also misuse the Data API on request. */
public class GalleryModel extends Model {

    /** The Data API a misbehaving handler calls from model code; for the guard test only. */
    @AllowNondeterminism("test fixture: model code calling the Data API on purpose")
    static volatile Data misuse;

    final ArrayList<DataHandle> handles = new ArrayList<>();

    @Override
    protected void init(Object options) {
        subscribe("gallery", "add", this::onAdd);
        subscribe("gallery", "misuse", this::onMisuse);
    }

    void onAdd(DataHandle handle) {
        handles.add(handle);
    }

    @AllowNondeterminism("test fixture: model code calling the Data API on purpose")
    void onMisuse() {
        misuse.store(new byte[] {1});
    }

    public List<DataHandle> handles() {
        return List.copyOf(handles);
    }
}
