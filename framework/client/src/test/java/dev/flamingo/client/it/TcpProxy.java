package dev.flamingo.client.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of the reflector whose connections a test can cut, to drop clients for real, or
 * stall, to hold back what the reflector sends while the connection stays open.
 */
final class TcpProxy implements AutoCloseable {

    private volatile ServerSocket server;
    private final int port;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean blocked;
    /** While set, bytes from the reflector wait in the relay (and then in the socket buffers). */
    private final Object stallLock = new Object();
    private boolean stalled;
    /** While set, a new connection stalls right after the reflector's handshake response has passed. */
    private volatile boolean stallAfterHandshake;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = server.getLocalPort();
        listen();
    }

    private void listen() {
        Thread acceptor = new Thread(this::acceptLoop, "test-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI box() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Drops every connection and refuses new ones (the port is closed) until {@link #heal()}. */
    void cut() throws IOException {
        blocked = true;
        server.close();
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    void heal() throws IOException {
        ServerSocket reopened = new ServerSocket();
        reopened.setReuseAddress(true);
        reopened.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server = reopened;
        blocked = false;
        listen();
    }

    /** Holds back everything the reflector sends until {@link #resume()}; the connections stay open. */
    void stall() {
        synchronized (stallLock) {
            stalled = true;
        }
    }

    /**
     * Lets each new connection open (the reflector's handshake response passes) and then holds back what the
     * reflector sends, SYNC included, until {@link #resume()}: the client has sent its JOIN but hears nothing.
     */
    void stallAfterHandshake() {
        stallAfterHandshake = true;
    }

    void resume() {
        synchronized (stallLock) {
            stallAfterHandshake = false;
            stalled = false;
            stallLock.notifyAll();
        }
    }

    private void awaitUnstalled() throws IOException {
        synchronized (stallLock) {
            while (stalled) {
                try {
                    stallLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while stalled", e);
                }
            }
        }
    }

    private void acceptLoop() {
        ServerSocket listening = server;
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                if (blocked) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                // closed, or the upstream refused: the client sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromReflector) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (fromReflector) {
                        awaitUnstalled();
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    // The reflector speaks only when spoken to, so its first bytes are the handshake response.
                    if (fromReflector && stallAfterHandshake) {
                        stall();
                    }
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "test-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
