package dev.flamingo.conformance;

import dev.flamingo.reflector.ReflectorServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A memory-only reflector on 127.0.0.1 and a free port, started before each test and closed after it, for the
 * tests that need nothing more. Register it with {@code @RegisterExtension}. Test thread only.
 */
final class RunningReflector implements BeforeEachCallback, AfterEachCallback {
  private ReflectorServer server;

  @Override
  public void beforeEach(ExtensionContext context) {
    server = ReflectorServer.builder().host("127.0.0.1").port(0).build().start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.close();
  }

  /** The reflector of the running test. */
  ReflectorServer server() {
    return server;
  }
}
