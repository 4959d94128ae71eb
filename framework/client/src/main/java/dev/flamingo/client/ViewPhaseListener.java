package dev.flamingo.client;

/**
 * Hooks around each view phase of a step (view event handlers and the root view's {@code update}), for debugging
 * aids such as a check that views never write model state. Thread rule: called on the thread that owns the
 * replica, the stepping thread with {@link Step#MANUAL}; an exception thrown here propagates out of that step.
 */
public interface ViewPhaseListener {

    /** Model code has just run; view code is about to. */
    void beforeViews();

    /** View code has run since {@link #beforeViews()}, and no model code. */
    void afterViews();
}
