package dev.flamingo.fx;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import dev.flamingo.fx.widgets.SessionStatus;

/**
 * Builds an app's root view for {@link SessionWindow}, e.g. {@code (model, bridge, status) -> new
 * ChatView((ChatModel) model, bridge, status)}. Called on the session thread when the replica has caught up
 * (and again after a reboot); the window shows the returned view's node if it is an {@link FxView}.
 */
@FunctionalInterface
public interface FxViewFactory {

  /** Creates the root view of {@code root}, queueing scene work on {@code bridge}, reporting to {@code status}. */
  View create(Model root, FxBridge bridge, SessionStatus status);
}
