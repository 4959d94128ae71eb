package dev.flamingo.chat;

/**
 * What a view publishes as {@code input:newPost} (the tutorial's {@code {viewId, text}}). Thread rule:
 * immutable, any thread.
 *
 * @param viewId the posting view
 * @param text what the user typed
 */
public record Post(String viewId, String text) {}
