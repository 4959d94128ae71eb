package dev.flamingo.client.internal.session;

import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.SessionProblem;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A session's log output: debug lines gated by the session's {@link DebugFlag}s, problems logged and passed
 * to the app's listener (an exception from it is contained), and plain info and warnings. Any thread.
 */
final class SessionLog {

    private static final System.Logger LOG = System.getLogger("dev.flamingo.client");

    private final JoinParameters params;
    private final String viewId;

    SessionLog(JoinParameters params, String viewId) {
        this.params = params;
        this.viewId = viewId;
    }

    /** Logs {@code message} at INFO, prefixed with the flag and view id, when {@code flag} is on. */
    void debug(DebugFlag flag, Supplier<String> message) {
        if (params.debug(flag)) {
            LOG.log(System.Logger.Level.INFO, "[" + flag.name().toLowerCase(Locale.ROOT) + "] " + viewId + " "
                    + message.get());
        }
    }

    /** Logs {@code problem} as a warning and tells the app's problem listener, if any. */
    void problem(SessionProblem problem) {
        LOG.log(System.Logger.Level.WARNING, problem.describe());
        if (params.problems() != null) {
            try {
                params.problems().accept(problem);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "problem listener threw " + e);
            }
        }
    }

    void info(String message) {
        LOG.log(System.Logger.Level.INFO, message);
    }

    void warning(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
    }
}
