package dev.flamingo.core;

import dev.flamingo.core.snapshot.TypeAdapter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a blob stored with the client's {@code session.data().store(...)} (Croquet's {@code DataHandle}): where
 * the encrypted bytes live on the files server and, for a shareable blob, the key that decrypts them. Views
 * store, then publish the handle to the model; models keep handles in their state (they are snapshotted as
 * their id) and other views fetch them. Thread rule: immutable, any thread.
 *
 * <p>Handles are interned (Croquet's {@code HandleCache}): while a handle is reachable, every handle with the
 * same id (from {@link #fromId}, an event payload or a snapshot) is the same object, so a blob referenced from
 * many places is held once. This keeps replicas alike: two references in model state are both reachable, so
 * they are one object on every replica, and the snapshot codec, which records identity, rebuilds them as one
 * on a late joiner.
 *
 * <p>The id form, version 1 (Croquet writes versions 3 and 4 of its own form, which name URLs instead):
 * <pre>
 *   fd1/&lt;appId&gt;/&lt;persistentId&gt;/&lt;hash&gt;          encrypted with the session key
 *   fd1/&lt;appId&gt;/&lt;persistentId&gt;/&lt;hash&gt;/&lt;key&gt;    shareable: encrypted with &lt;key&gt;
 * </pre>
 * where {@code hash} is the unpadded base64url SHA-256 of the encrypted bytes, {@code key} 32 bytes in
 * unpadded base64url, and the blob's path on the files server is
 * {@code apps/<appId>/<persistentId>/data/<hash>}. Anyone holding a shareable handle can read the blob. A
 * handle names a path, not a URL (as Croquet's do): it is fetched from the fetching session's own files server,
 * so a handle from another participant cannot point this client at an arbitrary address.
 */
public final class DataHandle {

  private static final String VERSION = "fd1";
  /** Croquet's appId rule, as JoinParameters checks it: dot-separated segments, the first starting with a letter. */
  private static final String APP_ID = "[A-Za-z](?:-?[A-Za-z0-9_])*(?:\\.[A-Za-z0-9_](?:-?[A-Za-z0-9_])*)+";
  private static final String B64_32 = "[A-Za-z0-9_-]{43}";
  private static final Pattern ID = Pattern.compile(VERSION + "/(" + APP_ID + ")/(" + B64_32 + ")/(" + B64_32
      + ")(?:/(" + B64_32 + "))?");
  private static final int MAX_APP_ID = 128;
  private static final int MAX_ID = VERSION.length() + MAX_APP_ID + 4 * 44;
  private static final int ECHO_CHARS = 200;
  private static final WeakInterner<DataHandle> INTERNED = new WeakInterner<>();

  /** How the snapshot codec stores a handle: as its id, read back through the interner. */
  static final TypeAdapter<DataHandle> SNAPSHOT_FORM = new TypeAdapter<>() {
    @Override
    public Object write(DataHandle value) {
      return value.id;
    }

    @Override
    public DataHandle read(Object written) {
      return fromId((String) written);
    }
  };

  private final String id;
  private final String appId;
  private final String persistentId;
  private final String hash;
  private final String key;

  private DataHandle(String id, Matcher parts) {
    this.id = id;
    this.appId = parts.group(1);
    this.persistentId = parts.group(2);
    this.hash = parts.group(3);
    this.key = parts.group(4);
  }

  /**
   * The handle an id names; the inverse of {@link #toId()}.
   *
   * @throws IllegalArgumentException naming what is wrong when {@code id} is not a version-1 handle id
   */
  public static DataHandle fromId(String id) {
    Objects.requireNonNull(id, "id");
    Matcher parts = ID.matcher(id);
    if (id.length() > MAX_ID || !parts.matches()) {
      throw new IllegalArgumentException("not a data handle id (expected \"" + VERSION
          + "/<appId>/<persistentId>/<hash>[/<key>]\"): \"" + echo(id) + "\"");
    }
    if (parts.group(1).length() > MAX_APP_ID) {
      throw new IllegalArgumentException("data handle id has an appId over " + MAX_APP_ID + " characters: \""
          + echo(id) + "\"");
    }
    if (parts.group(4) != null) {
      requireCanonicalKey(parts.group(4), id);
    }
    return INTERNED.intern(id, () -> new DataHandle(id, parts));
  }

  /**
   * The handle of a blob stored by {@code appId}'s session {@code persistentId} under {@code hash}, readable
   * with {@code key} (32 bytes) or, when {@code key} is null, with that session's key. Used by the client
   * when it stores; apps get handles from it or from {@link #fromId}.
   */
  public static DataHandle of(String appId, String persistentId, String hash, byte[] key) {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(persistentId, "persistentId");
    Objects.requireNonNull(hash, "hash");
    String suffix = "";
    if (key != null) {
      if (key.length != 32) {
        throw new IllegalArgumentException("a data key has 32 bytes, got " + key.length);
      }
      suffix = "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
    return fromId(VERSION + "/" + appId + "/" + persistentId + "/" + hash + suffix);
  }

  /** The string form, for persisted data or anywhere a handle must travel as text; see the class comment. */
  public String toId() {
    return id;
  }

  /** The files-server path of the encrypted blob, {@code apps/<appId>/<persistentId>/data/<hash>}. */
  public String path() {
    return "apps/" + appId + "/" + persistentId + "/data/" + hash;
  }

  /** The unpadded base64url SHA-256 of the encrypted blob: fetching checks the bytes against it. */
  public String hash() {
    return hash;
  }

  /** The appId of the session that stored the blob. */
  public String appId() {
    return appId;
  }

  /** The persistentId of the session that stored the blob. */
  public String persistentId() {
    return persistentId;
  }

  /** True when the handle carries its own key, so sessions with other passwords can fetch the blob. */
  public boolean isShareable() {
    return key != null;
  }

  /** A copy of the blob's own 32-byte key, or null when it was encrypted with the session key. */
  public byte[] key() {
    return key == null ? null : Base64.getUrlDecoder().decode(key);
  }

  // Value semantics by id, and a hash code that is the same on every replica (unlike Object's identity hash),
  // so a HashSet of handles in model state iterates identically everywhere.
  @Override
  public boolean equals(Object o) {
    return o instanceof DataHandle other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Names the blob without its key, so logs do not leak shareable keys. */
  @Override
  public String toString() {
    return "DataHandle[" + path() + (key == null ? "" : ", shareable") + "]";
  }

  // 43 base64url characters carry 258 bits; a key whose last 2 bits are set would decode to the same 32 bytes
  // as another id, and two ids for one handle would break interning and snapshot identity.
  private static void requireCanonicalKey(String key, String id) {
    byte[] bytes = Base64.getUrlDecoder().decode(key);
    if (!Arrays.equals(key.getBytes(StandardCharsets.US_ASCII),
        Base64.getUrlEncoder().withoutPadding().encode(bytes))) {
      throw new IllegalArgumentException("data handle id has a non-canonical key encoding: \"" + echo(id) + "\"");
    }
  }

  private static String echo(String id) {
    return id.length() <= ECHO_CHARS ? id : id.substring(0, ECHO_CHARS) + "...(" + id.length() + " chars)";
  }
}
