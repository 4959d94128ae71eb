package dev.flamingo.client.it;

import dev.flamingo.client.Session;
import dev.flamingo.core.DataHandle;
import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import java.util.concurrent.CompletableFuture;

/** A headless view that stores bytes through its session's Data API and publishes the handle to the model. */
public class GalleryView extends View {

    public GalleryView(Model model) {
        super(model);
    }

    /** Stores {@code bytes}; once stored, publishes the handle (from this view's thread, where the future completes). */
    public CompletableFuture<DataHandle> share(byte[] bytes, boolean shareable) {
        return Session.of(this).data().store(bytes, shareable).thenApply(handle -> {
            publish("gallery", "add", handle);
            return handle;
        });
    }

    public CompletableFuture<byte[]> fetch(DataHandle handle) {
        return Session.of(this).data().fetch(handle);
    }

    public void misuse() {
        publish("gallery", "misuse");
    }
}
