package dev.flamingo.fx;

import dev.flamingo.core.Model;
import dev.flamingo.core.View;
import dev.flamingo.fx.widgets.SessionStatus;

/**
 * Builds an app's root view for {@link SessionWindow}, e.g. {@code (model, status) -> new
 * ChatView((ChatModel) model, status)}. Called on the FX Application Thread, which steps the session, when the
 * replica has caught up (and again after a reboot); the window shows the returned view's node if it is an
 * {@link FxView}.
 */
@FunctionalInterface
public interface FxViewFactory {

  /** Creates the root view of {@code root}, which may report to the session widgets through {@code status}. */
  View create(Model root, SessionStatus status);
}
