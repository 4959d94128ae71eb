package dev.flamingo.fx.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.fx.JoinLink;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The frame shows what the status says: overlay after 500 ms of catching up, people, link, fatal errors. */
class SessionFrameTest {
  private static final long MS = 1_000_000L;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void overlayAppearsOnlyAfterHalfASecondOfCatchingUp() throws Exception {
    SessionStatus status = new SessionStatus();
    SessionFrame frame = fx(() -> new SessionFrame(status));
    status.reportProgress(0.25);
    assertFalse(fx(() -> refreshAt(frame, 0).overlay().isVisible()), "a quick join never flashes the overlay");
    assertTrue(fx(() -> refreshAt(frame, 500 * MS).overlay().isVisible()));
    assertEquals(0.25, fx(() -> frame.overlay().progress()));
    status.reportProgress(1);
    assertFalse(fx(() -> refreshAt(frame, 600 * MS).overlay().isVisible()));
    status.reportSynced(false);
    fx(() -> refreshAt(frame, 700 * MS));
    assertTrue(fx(() -> refreshAt(frame, 1200 * MS).overlay().isVisible()), "behind the reflector again");
  }

  @Test
  void badgeCountsPeople() throws Exception {
    SessionStatus status = new SessionStatus();
    SessionFrame frame = fx(() -> new SessionFrame(status));
    status.reportPeople(1);
    assertEquals("1 person", fx(() -> refreshAt(frame, 0).badge().getText()));
    status.reportPeople(3);
    assertEquals("3 people", fx(() -> refreshAt(frame, 1).badge().getText()));
  }

  @Test
  void fatalErrorCoversTheAppAndHidesTheOverlay() throws Exception {
    SessionStatus status = new SessionStatus();
    SessionFrame frame = fx(() -> new SessionFrame(status));
    status.reportFatal("Wrong password", "The session password does not match.");
    status.reportFatal("Later problem", "ignored: the first fatal error wins");
    fx(() -> refreshAt(frame, 0));
    assertEquals("Wrong password", fx(() -> refreshAt(frame, 900 * MS).fatalPane().titleText()));
    assertFalse(fx(() -> frame.overlay().isVisible()));
  }

  @Test
  void joinLinkIsCopiedToTheClipboard() throws Exception {
    JoinLink link = new JoinLink(URI.create("ws://127.0.0.1:9/reflector"), "chat", "secret");
    JoinLinkBox box = fx(() -> new JoinLinkBox(link));
    String copied = fx(() -> {
      box.copyToClipboard();
      return Clipboard.getSystemClipboard().getString();
    });
    assertEquals(link, JoinLink.parse(copied));
  }

  private static SessionFrame refreshAt(SessionFrame frame, long nanos) {
    frame.refresh(nanos);
    return frame;
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }
}
