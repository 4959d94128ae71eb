package dev.flamingo.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's embedded reflector: the first copy hosts it, a second finds it, a stranger on the port is refused. */
class EmbeddedReflectorIT {
  @TempDir
  Path dataDir;

  @Test
  void aSecondCopyFindsTheReflectorTheFirstStarted() throws Exception {
    int port = freePort();
    EmbeddedReflector first = EmbeddedReflector.findOrStart(dataDir, port);
    try {
      EmbeddedReflector second = EmbeddedReflector.findOrStart(dataDir, port);
      assertTrue(first.isHosted());
      assertFalse(second.isHosted());
      assertEquals(first.websocketUri(), second.websocketUri());
    } finally {
      first.closeWhenIdle(() -> { });
    }
  }

  @Test
  void anotherProgramOnThePortIsNotTakenForTheReflector() throws Exception {
    try (ServerSocket stranger = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        try (var client = stranger.accept()) {
          client.getOutputStream().write("HTTP/1.0 200 OK\r\n\r\nsomething else\n".getBytes());
        } catch (Exception e) {
          // the test fails on its assertion
        }
      });
      answer.start();
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> EmbeddedReflector.findOrStart(dataDir, stranger.getLocalPort()));
      assertTrue(refused.getMessage().contains("cannot start the embedded reflector"), refused.getMessage());
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
