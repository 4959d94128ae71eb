package dev.flamingo.client.internal.session;

import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.SessionProblem;
import dev.flamingo.core.Model;
import dev.flamingo.core.View;

/**
 * The app's root view: built once this client's view-join has run (AUTO right away on the session thread,
 * MANUAL by the next step, on the stepping thread), updated every frame, detached on teardown and leave; an
 * exception from the app's factory, update or detach is contained. Confined to the replica's owner, except
 * {@link #current} (any thread).
 */
final class RootView {

    private final Controller c;
    private final JoinParameters params;
    private volatile View view;
    /** MANUAL: the root view is built by the next step, on the stepping thread. */
    private boolean pending;
    /** The view overrides {@link View#update}, so it expects a call every frame (animation). */
    private boolean updatesEveryFrame;

    RootView(Controller controller) {
        this.c = controller;
        this.params = controller.parameters();
    }

    /** MANUAL: the next step builds the view. */
    void buildOnNextStep() {
        pending = true;
    }

    boolean isPending() {
        return pending;
    }

    /** Builds the view for {@code model} and tells the views the replica is synced. */
    void build(Model model) {
        pending = false;
        if (params.view() != null) {
            try {
                view = params.view().create(model, params.viewOptions());
                updatesEveryFrame = view != null && overridesUpdate(view);
            } catch (RuntimeException e) {
                c.lifecycle().fatal("the root view factory threw " + e);
                return;
            }
        }
        c.vm().viewDomain().publishToViews(c.viewId(), "synced", Boolean.TRUE);
        c.vm().viewDomain().processFrameEvents(false);
    }

    /** True if the root view has its own {@link View#update}: frames then run at the frame rate. */
    boolean updatesEveryFrame() {
        return updatesEveryFrame && view != null;
    }

    private static boolean overridesUpdate(View view) {
        try {
            return view.getClass().getMethod("update", long.class).getDeclaringClass() != View.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    /** The frame's update, if there is a view. */
    void update(long frameTime) {
        View current = view;
        if (current != null) {
            try {
                current.update(frameTime);
            } catch (RuntimeException e) {
                c.problem(new SessionProblem.HandlerFailed("root view update threw " + e, e));
            }
        }
    }

    /** Detaches and forgets the view, if there is one. */
    void detach() {
        View current = view;
        view = null;
        if (current != null) {
            try {
                current.detach();
            } catch (RuntimeException e) {
                c.problem(new SessionProblem.HandlerFailed("root view detach threw " + e, e));
            }
        }
    }

    /** The replica was torn down: no view, and none to build. */
    void reset() {
        detach();
        pending = false;
    }

    /** The current root view, or null. */
    View current() {
        return view;
    }
}
