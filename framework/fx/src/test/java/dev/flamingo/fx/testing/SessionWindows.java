package dev.flamingo.fx.testing;

import dev.flamingo.fx.SessionWindow;
import dev.flamingo.reflector.ReflectorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Real session windows for UI tests: before each test a real reflector on 127.0.0.1 (any free port, a
 * temporary data directory) and a fresh session name; {@link #open} shows a window in a new stage, side by
 * side with the others so a robot's clicks land in the window meant, and waits until it has joined; after the
 * test every window leaves and closes and the reflector stops. Headless when the test JVM runs Monocle (see
 * the UI modules' {@code surefire.argLine}). Register it with
 * {@code @RegisterExtension final SessionWindows windows = new SessionWindows();}. Thread rule: the test
 * thread; {@link #fx} runs work on the FX Application Thread.
 */
public final class SessionWindows implements BeforeEachCallback, AfterEachCallback {
  // Generous: the machines that run these tests are often busy building something else.
  private static final long WAIT_SECONDS = 60;
  private static final double WIDTH = 630;

  private final List<SessionWindow> windows = new ArrayList<>();
  private ReflectorServer reflector;
  private Path dataDir;
  private String session;

  /** Opens one app window on {@code stage}, joined to {@code session} on {@code reflector} (FX thread). */
  @FunctionalInterface
  public interface Opener {
    /** Opens the window; called on the FX Application Thread. */
    SessionWindow open(Stage stage, URI reflector, String session);
  }

  /** A condition polled until it holds; a lookup failing while a window is still building counts as false. */
  @FunctionalInterface
  public interface Check {
    /** Whether the condition holds now. */
    boolean test() throws Exception;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    FxToolkit.registerPrimaryStage();
    dataDir = Files.createTempDirectory("flamingo-ui-test-");
    session = "ui-" + System.nanoTime();
    startReflector();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    closeWindows();
    reflector.close();
    deleteDataDir();
  }

  /** The reflector's WebSocket URL. */
  public URI reflector() {
    return reflector.websocketUri();
  }

  /** This test's session name. */
  public String session() {
    return session;
  }

  /** Opens a window with {@code opener} in the next free slot and waits until it has joined and shows its view. */
  public SessionWindow open(Opener opener) throws Exception {
    double x = windows.size() * (WIDTH + 10);
    SessionWindow window = fx(() -> {
      Stage stage = new Stage();
      SessionWindow opened = opener.open(stage, reflector(), session);
      stage.setX(x);
      stage.setY(0);
      stage.setWidth(WIDTH);
      return opened;
    });
    windows.add(window);
    window.joined().get(WAIT_SECONDS, TimeUnit.SECONDS);
    return window;
  }

  /**
   * Closes every window and restarts the reflector on the same data directory, so the next window joins the
   * stored session alone (what a user sees after closing every window and starting again).
   */
  public void restart() throws Exception {
    closeWindows();
    reflector.close();
    startReflector();
  }

  /** Runs {@code work} on the FX Application Thread and returns its result. */
  public static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Waits up to 60 s for {@code condition}. */
  public static void await(Check condition) throws Exception {
    WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
      try {
        return condition.test();
      } catch (IllegalStateException | ClassCastException | NullPointerException | IndexOutOfBoundsException notYet) {
        return false;
      }
    });
  }

  /**
   * The screen point at the centre of the node {@code selector} finds in {@code window}, computed on the FX thread.
   * Click and move there ({@code robot.clickOn(centre(w, "#send"))}) rather than passing the node to the robot:
   * TestFX then reads the node's bounds on the test thread, and reading bounds updates the parent's bounds cache,
   * which raced with a pulse moving the children (IndexOutOfBoundsException in Parent.updateCachedBounds).
   */
  public static Point2D centre(SessionWindow window, String selector) throws Exception {
    return fx(() -> {
      Node node = window.stage().getScene().lookup(selector);
      Bounds bounds = node.localToScreen(node.getBoundsInLocal());
      return new Point2D(bounds.getCenterX(), bounds.getCenterY());
    });
  }

  /** The text of the label or button {@code selector} finds in {@code window}. */
  public static String text(SessionWindow window, String selector) throws Exception {
    return fx(() -> ((Labeled) window.stage().getScene().lookup(selector)).getText());
  }

  private void startReflector() {
    reflector = ReflectorServer.builder().host("127.0.0.1").port(0).dataDir(dataDir).build().start();
  }

  private void closeWindows() throws Exception {
    for (SessionWindow window : windows) {
      fx(() -> window.close()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      fx(() -> {
        window.stage().close();
        return null;
      });
    }
    windows.clear();
  }

  private void deleteDataDir() throws IOException {
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
