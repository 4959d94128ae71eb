package dev.flamingo.chat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * This machine's chat identity, kept in {@code <data-dir>/chat/profile.properties} and made once: the user's
 * stable id (so a restart is not a "new participant") and the default session name and password that every
 * copy started here shares. Thread rule: any thread.
 *
 * @param user the stable user id
 * @param session the default session name
 * @param password the default password
 */
record LocalProfile(String user, String session, String password) {

  /** Reads the profile, creating it on first use; a copy racing to create it reads the winner's. */
  static LocalProfile load(Path dataDir) {
    Path file = dataDir.resolve("chat").resolve("profile.properties");
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        create(file);
      }
      Properties p = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      }
      return new LocalProfile(required(p, "user", file), required(p, "session", file), required(p, "password", file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the chat profile " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("user", random(9));
    p.setProperty("session", "chat-" + random(6));
    p.setProperty("password", random(16));
    Path temp = Files.createTempFile(file.getParent(), "profile", ".tmp");
    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
      p.store(out, "Flamingo chat: this machine's identity and default session");
    }
    try {
      // A link, not a move: it fails if another copy created the file first, and then theirs wins.
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException e) {
      // another copy won the race
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String required(Properties p, String key, Path file) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(file + " has no " + key + "; delete the file to make a new profile");
    }
    return value;
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
