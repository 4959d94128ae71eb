package dev.flamingo.client;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;

/**
 * Builds the root view once the replica has caught up (and again after a reboot), typically a constructor
 * reference such as {@code (model, options) -> new ChatView((ChatModel) model)}. Called on the session
 * thread.
 */
@FunctionalInterface
public interface ViewFactory {

    /** Creates the root view for {@code root}, the root model, with the join's {@code viewOptions}. */
    View create(Model root, Object viewOptions);
}
