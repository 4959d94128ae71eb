package dev.flamingo.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.fx.JoinLink;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line: flags, a join link, the embedded default, and errors that show the usage. */
class ChatOptionsTest {

  @Test
  void noArgumentsMeansTheEmbeddedReflectorAndTheMachinesChat() {
    ChatOptions options = ChatOptions.parse(List.of());
    assertNull(options.reflector());
    assertNull(options.session());
    assertTrue(options.dataDir().endsWith(Path.of("flamingo")), options.dataDir().toString());
  }

  @Test
  void flagsNameAnyOtherChat() {
    ChatOptions options = ChatOptions.parse(List.of("--reflector", "ws://10.0.0.2:9090/reflector", "--session", "team",
        "--password", "pw", "--data-dir", "/tmp/x"));
    assertEquals(URI.create("ws://10.0.0.2:9090/reflector"), options.reflector());
    assertEquals(List.of("team", "pw", Path.of("/tmp/x")), List.of(options.session(), options.password(), options.dataDir()));
  }

  @Test
  void aJoinLinkCarriesAllThree() {
    JoinLink link = new JoinLink(URI.create("ws://h:1/reflector"), "chat x", "p&w");
    ChatOptions options = ChatOptions.parse(List.of(link.toString()));
    assertEquals(link, new JoinLink(options.reflector(), options.session(), options.password()));
  }

  @Test
  void mistakesShowTheUsage() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ChatOptions.parse(List.of("--sesion", "x")));
    assertTrue(unknown.getMessage().startsWith("unknown argument \"--sesion\"") && unknown.getMessage().contains("usage:"));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ChatOptions.parse(List.of("--session")));
    assertTrue(missing.getMessage().startsWith("--session needs a value"), missing.getMessage());
    IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class,
        () -> ChatOptions.parse(List.of("--reflector", "ftp://h/r")));
    assertTrue(scheme.getMessage().contains("ftp://h/r"), scheme.getMessage());
  }
}
