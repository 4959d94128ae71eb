package dev.flamingo.chat;

import dev.flamingo.reflector.ReflectorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

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
      hosted.close();
      afterClose.run();
    }, "flamingo-reflector-linger");
    linger.start();
  }

  private long connections() {
    for (String line : hosted.metricsText().split("\n")) {
      if (line.startsWith("flamingo_connections ")) {
        return Long.parseLong(line.substring("flamingo_connections ".length()).trim());
      }
    }
    return 0;
  }

  private static boolean isRunning(int port) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .timeout(Duration.ofMillis(500)).build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString()).body().startsWith(BANNER);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while looking for the reflector", e));
    }
  }
}
