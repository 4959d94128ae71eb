package dev.flamingo.chat;

import dev.flamingo.reflector.ReflectorServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The reflector a chat uses when none is given: one per machine on a fixed loopback port, keeping its data in
 * {@code <data-dir>/reflector}. The first copy of the chat starts it; later copies find it there and join the
 * same chat. The copy that hosts it keeps running after its window closes until the last client has left,
 * so closing one window never cuts the others off. Thread rule: any thread.
 */
final class EmbeddedReflector {
  static final int PORT = 47390;
  private static final String BANNER = "Flamingo reflector";

  private final URI websocket;
  private final ReflectorServer hosted;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedReflector(URI websocket, ReflectorServer hosted) {
    this.websocket = websocket;
    this.hosted = hosted;
  }

  /** Finds the machine's embedded reflector on {@code port}, or starts it with its data under {@code dataDir}. */
  static EmbeddedReflector findOrStart(Path dataDir, int port) {
    URI ws = URI.create("ws://127.0.0.1:" + port + "/reflector");
    if (isRunning(port)) {
      return new EmbeddedReflector(ws, null);
    }
    try {
      ReflectorServer server = ReflectorServer.builder().host("127.0.0.1").port(port)
          .dataDir(dataDir.resolve("reflector")).build().start();
      return new EmbeddedReflector(server.websocketUri(), server);
    } catch (RuntimeException bindFailed) {
      // Another copy may have started it a moment ago.
      if (isRunning(port)) {
        return new EmbeddedReflector(ws, null);
      }
      throw new IllegalStateException("cannot start the embedded reflector on 127.0.0.1:" + port
          + " (is another program using the port?): " + bindFailed.getMessage(), bindFailed);
    }
  }

  /** The WebSocket URL to join. */
  URI websocketUri() {
    return websocket;
  }

  /** True if this process hosts the reflector. */
  boolean isHosted() {
    return hosted != null;
  }

  /** Hosted only: waits on a non-daemon thread until no client is connected, then stops the reflector. */
  void closeWhenIdle(Runnable afterClose) {
    if (hosted == null) {
      afterClose.run();
      return;
    }
    Thread linger = new Thread(() -> {
      while (connections() > 0) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      close();
      afterClose.run();
    }, "flamingo-reflector-linger");
    linger.start();
  }

  /** Hosted only: stops the reflector now, persisting its sessions; later calls do nothing. */
  void close() {
    if (hosted != null && closed.compareAndSet(false, true)) {
      hosted.close();
    }
  }

  private long connections() {
    for (String line : hosted.metricsText().split("\n")) {
      if (line.startsWith("flamingo_connections ")) {
        return Long.parseLong(line.substring("flamingo_connections ".length()).trim());
      }
    }
    return 0;
  }

  /**
   * Asks whatever listens on the port for its banner over a plain socket: java.net.http would load and
   * initialise its TLS machinery first, a few hundred ms of the chat's start for one local request.
   */
  private static boolean isRunning(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
      socket.setSoTimeout(500);
      socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
      return response.startsWith("HTTP/1.") && response.contains("\r\n\r\n" + BANNER);
    } catch (IOException e) {
      return false;
    }
  }
}
