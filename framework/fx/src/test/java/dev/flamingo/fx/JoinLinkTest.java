package dev.flamingo.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Join links round-trip any session name and password, and bad links say what is wrong. */
class JoinLinkTest {

  @Test
  void roundTripsAwkwardNamesAndPasswords() {
    JoinLink link = new JoinLink(URI.create("ws://10.0.0.7:9090/reflector"), "team chat & co", "p#w=?/ü");
    assertEquals(link, JoinLink.parse(link.toString()));
    assertTrue(link.toString().startsWith("flamingo://join?reflector=ws%3A%2F%2F10.0.0.7%3A9090%2Freflector&q=team"));
  }

  @Test
  void missingPasswordIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JoinLink.parse("flamingo://join?reflector=ws%3A%2F%2Fh%2Fr&q=chat"));
    assertTrue(e.getMessage().contains("pw="), e.getMessage());
  }

  @Test
  void foreignTextIsRejectedWithTheText() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JoinLink.parse("https://example.com"));
    assertTrue(e.getMessage().contains("https://example.com"), e.getMessage());
  }

  @Test
  void reflectorMustBeAWebSocketUrl() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JoinLink(URI.create("http://h/r"), "s", "p"));
    assertTrue(e.getMessage().contains("http://h/r"), e.getMessage());
  }
}
