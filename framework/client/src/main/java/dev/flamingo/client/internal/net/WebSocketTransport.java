package dev.flamingo.client.internal.net;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;

/**
 * A Tyrus (Grizzly) WebSocket to {@code <reflector>/<sessionId>}. All transports share one client container,
 * so fifty clients in one JVM share one selector thread pool. Thread-safe.
 */
public final class WebSocketTransport implements Transport {

    private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;
    private static final long CONNECT_TIMEOUT_MS = 5_000;
    private static final ClientManager CLIENT = createClient();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flamingo-connect-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final ExecutorService CONNECTORS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "flamingo-connect");
        t.setDaemon(true);
        return t;
    });

    private final URI uri;
    private final AtomicBoolean closedReported = new AtomicBoolean();
    private volatile Session session;
    private volatile Listener listener;

    /** A transport for {@code uri} (ws or wss). */
    public WebSocketTransport(URI uri) {
        this.uri = uri;
    }

    private static ClientManager createClient() {
        ClientManager client = ClientManager.createClient(GrizzlyClientContainer.class.getName());
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, MAX_FRAME_BYTES);
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) CONNECT_TIMEOUT_MS);
        return client;
    }

    @Override
    public void open(Listener listener) {
        this.listener = listener;
        // A blocking connect on a helper thread: Tyrus reports a refused async connect only through its
        // Future, never to the endpoint, so the failure would otherwise go unnoticed.
        // Our own deadline too: a socket closed during the handshake can leave Tyrus waiting indefinitely.
        WATCHDOG.schedule(() -> {
            if (session == null) {
                reportClosed(CloseCodes.ABNORMAL, "no WebSocket handshake with " + uri + " within "
                        + CONNECT_TIMEOUT_MS + " ms");
            }
        }, CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        CONNECTORS.execute(() -> {
            try {
                CLIENT.connectToServer(new Handler(), ClientEndpointConfig.Builder.create().build(), uri);
                ReadOnSelector.apply();
            } catch (jakarta.websocket.DeploymentException | IOException | RuntimeException e) {
                reportClosed(CloseCodes.ABNORMAL, "cannot connect to " + uri + ": " + e.getMessage());
            }
        });
    }

    @Override
    public boolean send(String frame) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return false;
        }
        try {
            // Asynchronous, like a browser's WebSocket.send: the socket write happens right here when the kernel
            // takes it, but a full socket buffer no longer blocks the caller, which may be the network thread
            // itself delivering a frame (it would wait for its own write event). A write that fails later
            // closes the link, which reconnects as for any drop. One writer at a time all the same.
            synchronized (s) {
                s.getAsyncRemote().sendText(frame);
            }
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void close(int code, String reason) {
        Session s = session;
        if (s == null) {
            reportClosed(code, reason);
            return;
        }
        try {
            s.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), truncate(reason)));
        } catch (IOException | IllegalStateException e) {
            // The socket is already gone; the close is still ours to report.
        }
        reportClosed(code, reason);
    }

    private void reportClosed(int code, String reason) {
        if (closedReported.compareAndSet(false, true) && listener != null) {
            listener.closed(code, reason);
        }
    }

    // A close reason phrase must fit in 123 bytes of a control frame.
    private static String truncate(String reason) {
        return reason.length() <= 100 ? reason : reason.substring(0, 100);
    }

    private final class Handler extends Endpoint {

        @Override
        public void onOpen(Session s, EndpointConfig config) {
            s.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
            // Negative, not 0: Tyrus re-arms its idle timer on every frame sent or received whenever the timeout is
            // 0 or more, and with 0 that is a no-op task run at once on its executor, so each frame woke a
            // tyrus-N-thread. Negative skips the timer; our KeepAlive detects dead links instead.
            s.setMaxIdleTimeout(-1);
            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> listener.received(text));
            session = s;
            if (closedReported.get()) {
                // Closed by us while the handshake was in flight: this socket is no longer wanted.
                close(CloseCodes.LEAVE, "transport already closed");
                return;
            }
            listener.opened();
        }

        @Override
        public void onClose(Session s, CloseReason reason) {
            reportClosed(reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }

        @Override
        public void onError(Session s, Throwable error) {
            if (s == null || !s.isOpen()) {
                reportClosed(CloseCodes.ABNORMAL, "connection failed: " + error);
            }
        }
    }
}
