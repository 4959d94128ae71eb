package dev.flamingo.client.internal.net;

/**
 * One attempt at a link to a reflector: a WebSocket, or the in-process offline reflector. Implementations are
 * thread-safe; listener callbacks arrive on the transport's own threads.
 */
public interface Transport {

    /** Receives the transport's events. */
    interface Listener {
        /** The link is open; the client should send JOIN. */
        void opened();

        /** One complete text frame (chunks already joined). */
        void received(String frame);

        /** The link closed, by either side or by failure; called exactly once per {@link #open}. */
        void closed(int code, String reason);
    }

    /** Starts connecting; reports through {@code listener}. */
    void open(Listener listener);

    /** Sends one text frame; returns false when the link is not open. */
    boolean send(String frame);

    /** Closes with {@code code} and {@code reason}; {@link Listener#closed} follows. */
    void close(int code, String reason);
}
