package dev.flamingo.client.internal.session;

import dev.flamingo.client.Session;
import dev.flamingo.client.SessionFailedException;
import dev.flamingo.client.SessionProblem;
import dev.flamingo.client.internal.net.CloseCodes;
import java.util.concurrent.CompletableFuture;

/**
 * How the session ends, and the futures that tell the app: a leave (closing first when connected, so the
 * close finishes it) or a failure (a fatal problem, a fatal close, reconnecting given up) tears the replica
 * down and stops the owner, once. Confined to the replica's owner, except the futures (any thread).
 */
final class Lifecycle {

    private final Controller c;
    private final SessionLog log;
    private final CompletableFuture<Session> joinFuture = new CompletableFuture<>();
    private final CompletableFuture<Void> leaveFuture = new CompletableFuture<>();
    /** Completes when the session ends for good: normally on leave, with the failure on a fatal problem. */
    private final CompletableFuture<Void> endedFuture = new CompletableFuture<>();
    private boolean leaving;
    private boolean dead;

    Lifecycle(Controller controller, SessionLog log) {
        this.c = controller;
        this.log = log;
    }

    /** This client's view-join ran: the app gets its session. */
    void joined(Session session) {
        joinFuture.complete(session);
    }

    /** Leaves for good: closes the connection, and finishes now unless the close will report back. */
    void leave() {
        leaving = true;
        boolean closeWillReport = c.link().isConnected(); // then its disconnected() finishes the leave
        c.link().close(CloseCodes.LEAVE, "leave");
        if (!closeWillReport) {
            finishLeave();
        }
    }

    /** A problem the session cannot survive: closes with 4200 and fails. */
    void fatal(String message) {
        c.link().close(CloseCodes.CLIENT_FATAL, message);
        fail(new SessionFailedException(CloseCodes.CLIENT_FATAL, message, null));
    }

    void fail(SessionFailedException e) {
        if (dead) {
            return;
        }
        dead = true;
        log.warning(e.getMessage());
        c.tearDown();
        if (!joinFuture.completeExceptionally(e)) {
            log.problem(new SessionProblem.Warning(e.getMessage()));
        }
        leaveFuture.complete(null);
        endedFuture.completeExceptionally(e);
        c.owner().shutdown();
    }

    /** The leave's close is done (or there was nothing to close). */
    void finishLeave() {
        dead = true;
        c.tearDown();
        if (!joinFuture.isDone()) {
            joinFuture.completeExceptionally(new SessionFailedException(CloseCodes.LEAVE, "left before joining", null));
        }
        leaveFuture.complete(null);
        endedFuture.complete(null);
        c.owner().shutdown();
    }

    boolean isLeaving() {
        return leaving;
    }

    boolean isDead() {
        return dead;
    }

    CompletableFuture<Session> joinFuture() {
        return joinFuture;
    }

    CompletableFuture<Void> leaveFuture() {
        return leaveFuture;
    }

    CompletableFuture<Void> endedFuture() {
        return endedFuture;
    }
}
