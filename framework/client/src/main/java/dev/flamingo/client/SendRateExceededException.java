package dev.flamingo.client;

/**
 * A view published faster than {@code eventRateLimit} allows for long enough that the send buffer is full.
 * Croquet disconnects the whole session (4200); Flamingo refuses this one event and keeps the session.
 * Immutable.
 */
public final class SendRateExceededException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception naming the configured limit. */
    public SendRateExceededException(int eventRateLimit, int bundles) {
        super("send buffer full: " + bundles + " bundles (about 4 KiB each) are waiting, eventRateLimit is "
                + eventRateLimit + " per second; publish less often, coalesce events, or raise eventRateLimit "
                + "(max 60)");
    }
}
