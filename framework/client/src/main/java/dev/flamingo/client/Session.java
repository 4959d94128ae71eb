package dev.flamingo.client;

import dev.flamingo.client.internal.session.Controller;
import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A joined session: the Java counterpart of Croquet's {@code Session}. {@link #join} connects, verifies the
 * password, loads the latest snapshot, replays the messages since, and completes once this client's own
 * view-join has been simulated and the root view is built.
 *
 * <p>Thread rule: the accessors are safe from any thread; models and views have one owning thread, so touch
 * them only from their handlers, from {@link ViewFactory}, or through {@link #submit}. Which thread owns them:
 * <ul>
 *   <li>{@link Step#AUTO}: the session's own thread, always; it steps itself about every 16 ms.</li>
 *   <li>{@link Step#MANUAL}: the session's own thread runs the first join (connect, snapshot, fast-forward)
 *       while no view exists; when the join completes, ownership passes for good to the thread that calls
 *       {@link #step} (the FX Application Thread in a JavaFX host). From then on network frames and timers
 *       are only queued, and each step runs, on the caller's thread, what was queued (rejoins and reboots
 *       included), the budgeted simulation, the view events and the root view's {@code update}. The root view
 *       is built by the first step, so {@link #view} is null until then. {@link #leave} hands the replica
 *       back to the session thread so leaving needs no further steps.</li>
 * </ul>
 */
public final class Session {

    /**
     * Live sessions by view id, for {@link #of}: views are built before the join future hands out the session,
     * so they cannot be given it, and a view's id is unique to its client (Croquet draws it from 36^10 values).
     */
    private static final ConcurrentHashMap<String, Session> LIVE = new ConcurrentHashMap<>();

    private final Controller controller;
    private final Data data;

    private Session(Controller controller) {
        this.controller = controller;
        this.data = new Data(controller);
        LIVE.put(controller.viewId(), this);
        controller.ended().whenComplete((ok, failure) -> LIVE.remove(controller.viewId(), this));
    }

    /**
     * Joins the session described by {@code parameters}; the future fails with {@link SessionFailedException}
     * for a wrong password or a fatal refusal.
     */
    public static CompletableFuture<Session> join(JoinParameters parameters) {
        return Controller.start(parameters, Session::new);
    }

    /**
     * The session {@code view} belongs to (Croquet's {@code view.session}), e.g. for
     * {@code Session.of(this).data()} in view code. Any thread.
     *
     * @throws IllegalStateException when the view's session has ended
     */
    public static Session of(View view) {
        Objects.requireNonNull(view, "view");
        Session session = LIVE.get(view.viewId());
        if (session == null || !session.id().equals(view.sessionId())) {
            throw new IllegalStateException("the session of " + view.getClass().getName() + " (view id "
                    + view.viewId() + ") has ended");
        }
        return session;
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

    /** The Data API: store bulk bytes on the files server, encrypted, and fetch them by handle. */
    public Data data() {
        return data;
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
     * With {@link Step#MANUAL}: runs one main-loop step on the calling thread, with no hand-off: the frames
     * and timers queued since the last step, a budgeted simulation, queued view events, then {@code update(time)}
     * on the root view. Does nothing while the first join is still running. Always call it from the same
     * thread; another thread gets an {@link IllegalStateException} naming both. With AUTO it runs an extra
     * step on the session thread and waits for it. {@code timeMs} must increase monotonically.
     */
    public void step(long timeMs) {
        controller.step(timeMs);
    }

    /**
     * Runs {@code task} where models and views may be touched: on the session thread, or in MANUAL after the
     * join at once when called from the stepping thread, else during the next {@link #step}.
     */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        return controller.submit(task);
    }

    /**
     * Tells the session whether the app is in sight (Croquet's autoSleep): out of sight for the
     * {@code autoSleep} seconds given to join (never when 0), it goes dormant; back in sight it wakes. Any thread.
     */
    public void setVisible(boolean visible) {
        controller.setVisible(visible);
    }

    /**
     * Goes dormant now: disconnects with close code 4110 and stops reconnecting. As after any disconnect, once
     * {@code rejoinLimit} passes the view is torn down and the other replicas see this view's {@code view-exit}.
     * Any thread.
     */
    public void sleep() {
        controller.sleep();
    }

    /**
     * Wakes a dormant session: reconnects and joins again with the same {@link #viewId()}, seamlessly within
     * {@code rejoinLimit} (same model and view), otherwise rebooting model and view from the latest snapshot,
     * as Croquet does. Any thread.
     */
    public void wake() {
        controller.wake();
    }

    /** True while dormant (after {@link #sleep} or autoSleep, until {@link #wake}). */
    public boolean isDormant() {
        return controller.isDormant();
    }

    /**
     * Completes when this session has ended for good: normally after {@link #leave}; exceptionally with a
     * {@link SessionFailedException} naming the problem and its close code when something fatal ended it after
     * the join (a close code of 4100 or above such as a refused code version or API key, a snapshot that fails
     * to decrypt, reconnecting given up after {@code reconnectLimit}). Dependent actions run on the thread that
     * owns the replica (see above) or, if already complete, on the caller.
     */
    public CompletableFuture<Void> ended() {
        return controller.ended();
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
