package dev.flamingo.client.internal.session;

import dev.flamingo.client.internal.data.DataBlobs;
import dev.flamingo.core.DataHandle;
import dev.flamingo.core.vm.VirtualMachine;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The Data API's asynchronous side: refuses calls from model code, runs {@link DataBlobs} on a worker, and
 * completes the future on the replica's owner, so a view's dependent actions run on the view's own thread
 * (Croquet settles its promises in the main loop). Any thread.
 */
final class DataTransfers {

    private final Controller c;

    DataTransfers(Controller controller) {
        this.c = controller;
    }

    CompletableFuture<DataHandle> store(byte[] data, boolean shareable) {
        return run("store", blobs -> blobs.store(data, shareable));
    }

    CompletableFuture<byte[]> fetch(DataHandle handle) {
        return run("fetch", blobs -> blobs.fetch(handle));
    }

    private <T> CompletableFuture<T> run(String what, Work<T> work) {
        refuseModelCode(what);
        DataBlobs blobs = c.link().dataBlobs();
        if (blobs == null) {
            throw new IllegalStateException("data()." + what + " called before session " + c.parameters().name()
                    + " has its key; use it once the join has completed");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Threads.WORKERS.execute(() -> {
            try {
                T value = work.apply(blobs);
                settle(() -> result.complete(value));
            } catch (IOException | RuntimeException e) {
                settle(() -> result.completeExceptionally(e));
            }
        });
        return result;
    }

    /** On the owner while the session lives; after it ended, here (no one else would run it). */
    private void settle(Runnable completion) {
        if (!c.post(completion)) {
            completion.run();
        }
    }

    private void refuseModelCode(String what) {
        VirtualMachine vm = c.vm();
        if (vm != null && vm.isRunningModelCode()) {
            throw new IllegalStateException("data()." + what + " called from model code: storing and fetching take"
                    + " time and can fail differently on each replica, so only views may call them; store in a view"
                    + " and publish the handle to the model");
        }
    }

    /** A blocking step on the blobs. */
    @FunctionalInterface
    private interface Work<T> {
        T apply(DataBlobs blobs) throws IOException;
    }
}
