package dev.flamingo.client;

import dev.flamingo.client.internal.session.Controller;
import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * A joined session: the Java counterpart of Croquet's {@code Session}. {@link #join} connects, verifies the
 * password, loads the latest snapshot, replays the messages since, and completes once this client's own
 * view-join has been simulated and the root view is built.
 *
 * <p>Thread rule: the accessors are safe from any thread; models and views live on the session's own thread,
 * so touch them only from their handlers, from {@link ViewFactory}, or through {@link #submit}.
 */
public final class Session {

    private final Controller controller;

    private Session(Controller controller) {
        this.controller = controller;
    }

    /**
     * Joins the session described by {@code parameters}; the future fails with {@link SessionFailedException}
     * for a wrong password or a fatal refusal.
     */
    public static CompletableFuture<Session> join(JoinParameters parameters) {
        return Controller.start(parameters, Session::new);
    }

    /** The session id: a hash of the persistentId, the options and the code identity. */
    public String id() {
        return controller.ids().sessionId();
    }

    /** The persistent id: a hash of appId, name and persistent options; survives code changes. */
    public String persistentId() {
        return controller.ids().persistentId();
    }

    /** The version id: the model code's identity. */
    public String versionId() {
        return controller.ids().versionId();
    }

    /** The session name given to join. */
    public String name() {
        return controller.parameters().name();
    }

    /** This client's view id, stable across reconnects and reboots. */
    public String viewId() {
        return controller.viewId();
    }

    /** The root model; replaced after a reboot, so do not cache it across one. */
    public Model model() {
        return controller.rootModel();
    }

    /** The root view, or null when none was configured; replaced after a reboot. */
    public View view() {
        return controller.rootView();
    }

    /** Milliseconds for this client's last message to come back through the reflector. */
    public long latency() {
        return controller.latency();
    }

    /** True while the replica has caught up with the reflector (what the {@code synced} view event says). */
    public boolean isSynced() {
        return controller.isSynced();
    }

    /**
     * With {@link Step#MANUAL}: runs one main-loop step (simulate, deliver view events, {@code update(time)}
     * on the root view) on the session thread and returns when it is done. With AUTO it only runs an extra
     * step. {@code timeMs} must increase monotonically.
     */
    public void step(long timeMs) {
        controller.step(timeMs);
    }

    /** Runs {@code task} on the session thread, where models and views may be touched. */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        return controller.submit(task);
    }

    /** Leaves for good; completes when the view has been torn down. Only a new join comes back. */
    public CompletableFuture<Void> leave() {
        return controller.leave();
    }

    @Override
    public String toString() {
        return "Session[" + name() + ", " + id() + ", view " + viewId() + "]";
    }
}
