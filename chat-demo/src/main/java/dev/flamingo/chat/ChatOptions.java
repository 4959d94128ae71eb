package dev.flamingo.chat;

import dev.flamingo.fx.JoinLink;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The command line: {@code [--reflector ws://host:port/reflector] [--session NAME] [--password PW]
 * [--data-dir DIR] [JOIN-LINK]}. Without a reflector the chat uses the embedded one on this machine. Thread
 * rule: immutable, any thread.
 *
 * @param reflector the reflector to join, or null for the embedded one
 * @param session the session name, or null for this machine's default chat
 * @param password the password, or null for this machine's default
 * @param dataDir where the embedded reflector and the local profile live
 */
public record ChatOptions(URI reflector, String session, String password, Path dataDir) {
  static final String USAGE = "usage: java -jar chat-demo.jar [--reflector ws://host:port/reflector] "
      + "[--session NAME] [--password PASSWORD] [--data-dir DIR] [flamingo://join?...]";

  /** Validates the data directory. */
  public ChatOptions {
    Objects.requireNonNull(dataDir, "dataDir");
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the bad argument, with the usage line
   */
  public static ChatOptions parse(List<String> args) {
    URI reflector = null;
    String session = null;
    String password = null;
    Path dataDir = defaultDataDir();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--reflector" -> reflector = reflectorUri(value(args, ++i, arg));
        case "--session" -> session = value(args, ++i, arg);
        case "--password" -> password = value(args, ++i, arg);
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
        default -> {
          if (!arg.startsWith("flamingo://")) {
            throw new IllegalArgumentException("unknown argument \"" + arg + "\"\n" + USAGE);
          }
          JoinLink link = JoinLink.parse(arg);
          reflector = link.reflector();
          session = link.session();
          password = link.password();
        }
      }
    }
    return new ChatOptions(reflector, session, password, dataDir);
  }

  /** {@code $XDG_DATA_HOME/flamingo}, else {@code ~/.local/share/flamingo}. */
  static Path defaultDataDir() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("flamingo");
  }

  private static String value(List<String> args, int i, String flag) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
    }
    return args.get(i);
  }

  private static URI reflectorUri(String text) {
    URI uri = URI.create(text);
    String scheme = uri.getScheme();
    if (!"ws".equals(scheme) && !"wss".equals(scheme) && !"http".equals(scheme) && !"https".equals(scheme)
        || uri.getHost() == null) {
      throw new IllegalArgumentException("--reflector must be a ws:// (or http://) URL, got \"" + text + "\"\n" + USAGE);
    }
    return uri;
  }
}
