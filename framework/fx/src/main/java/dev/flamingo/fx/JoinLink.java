package dev.flamingo.fx;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to join a session, as one copyable link (Croquet's session URL with {@code ?q=} and
 * {@code #pw=}): {@code flamingo://join?reflector=<url>&q=<session name>#pw=<password>}. The password travels
 * in the fragment, as in Croquet, so a link pasted into a chat shows it plainly: share it like a key. Thread
 * rule: immutable, any thread.
 *
 * @param reflector the reflector's WebSocket URL, e.g. {@code ws://192.168.1.5:9090/reflector}
 * @param session the session name
 * @param password the session password
 */
public record JoinLink(URI reflector, String session, String password) {
  private static final String PREFIX = "flamingo://join?";

  /** Validates that all three parts are present and the reflector is a ws/wss URL. */
  public JoinLink {
    Objects.requireNonNull(reflector, "reflector");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(password, "password");
    String scheme = reflector.getScheme();
    if (!"ws".equals(scheme) && !"wss".equals(scheme) || reflector.getHost() == null) {
      throw new IllegalArgumentException("reflector must be an absolute ws:// or wss:// URL, got \"" + reflector + "\"");
    }
    if (session.isEmpty() || password.isEmpty()) {
      throw new IllegalArgumentException("session and password must not be empty, got session \"" + session + "\"");
    }
  }

  /** The link text, e.g. {@code flamingo://join?reflector=ws%3A%2F%2Fhost%3A9090%2Freflector&q=chat#pw=secret}. */
  @Override
  public String toString() {
    return PREFIX + "reflector=" + encode(reflector.toString()) + "&q=" + encode(session) + "#pw=" + encode(password);
  }

  /**
   * Parses a link made by {@link #toString()}.
   *
   * @throws IllegalArgumentException naming what is missing or malformed, echoing the text
   */
  public static JoinLink parse(String text) {
    Objects.requireNonNull(text, "text");
    String link = text.strip();
    if (!link.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a join link starts with \"" + PREFIX + "\", got \"" + text + "\"");
    }
    int hash = link.indexOf('#');
    Map<String, String> query = params(link.substring(PREFIX.length(), hash < 0 ? link.length() : hash), text);
    Map<String, String> fragment = params(hash < 0 ? "" : link.substring(hash + 1), text);
    try {
      return new JoinLink(new URI(required(query, "reflector", text)), required(query, "q", text),
          required(fragment, "pw", text));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the reflector in join link \"" + text + "\" is not a URL: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> params(String part, String text) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : part.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("malformed parameter \"" + pair + "\" in join link \"" + text + "\"");
      }
      params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String required(Map<String, String> params, String key, String text) {
    String value = params.get(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("join link \"" + text + "\" has no " + key + "=");
    }
    return value;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
