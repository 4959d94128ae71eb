package dev.flamingo.core.guard;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * The identity of an app's model code: {@code versionId} is the base64url SHA-256 (no padding, 43
 * characters, like Croquet's {@code hashString}) over the framework version, every registered class's
 * bytecode with its class id in registration order, and every registered constant's canonical form.
 * Any change to model code, constants or the framework gives a new id, so different code never
 * shares a session. Thread rule: immutable, any thread; its {@link Builder} is confined to one thread.
 *
 * <p>A class's bytecode is that of {@link ClassFiles#closure} (the class, its nested classes and lambda
 * bodies, its application supertypes) plus the helper classes of the same jar or directory that its
 * code calls (as {@link DeterminismGuard} follows them), with debug attributes (source file, line
 * numbers, local variable names) removed: editing a comment or renaming a local does not change
 * behaviour, so it keeps the id.
 */
public final class CodeIdentity {
  private static final String FORMAT = "flamingo-code-identity/1";

  private final String versionId;

  private CodeIdentity(String versionId) {
    this.versionId = versionId;
  }

  /** Starts an identity; add classes in registration order. */
  public static Builder builder() {
    return new Builder();
  }

  /** The 43-character base64url SHA-256 that names this code. */
  public String versionId() {
    return versionId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CodeIdentity identity && identity.versionId.equals(versionId);
  }

  @Override
  public int hashCode() {
    return versionId.hashCode();
  }

  @Override
  public String toString() {
    return "CodeIdentity[" + versionId + "]";
  }

  /** Collects classes and constants; build once. Thread rule: one thread. */
  public static final class Builder {
    private final Map<String, Class<?>> classes = new LinkedHashMap<>();
    private final Map<String, String> constants = new TreeMap<>();

    private Builder() {}

    /**
     * Adds a registered class under its class id; order matters, as in Croquet.
     *
     * @throws IllegalArgumentException when the id is blank or already added, or the class's bytecode
     *     cannot be read (JDK and generated classes)
     */
    public Builder add(String classId, Class<?> type) {
      Objects.requireNonNull(classId, "classId");
      Objects.requireNonNull(type, "type");
      if (classId.isBlank() || classes.containsKey(classId)) {
        throw new IllegalArgumentException("classId must be non-blank and unique, got \"" + classId + "\"");
      }
      ClassFiles.closure(type);
      classes.put(classId, type);
      return this;
    }

    /**
     * Adds a constant; its canonical form is taken now, so later mutation of {@code value} is ignored.
     * Constants are hashed sorted by name.
     *
     * @throws IllegalArgumentException when the name is blank or repeated, or the value (or a part of
     *     it) has no stable canonical form
     */
    public Builder constant(String name, Object value) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || constants.containsKey(name)) {
        throw new IllegalArgumentException("constant name must be non-blank and unique, got \"" + name + "\"");
      }
      constants.put(name, ConstantForm.of(name, value));
      return this;
    }

    /** The identity of the classes and constants added so far, under this framework version. */
    public CodeIdentity build(String frameworkVersion) {
      Objects.requireNonNull(frameworkVersion, "frameworkVersion");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        writeText(out, FORMAT);
        writeText(out, frameworkVersion);
        writeClasses(out);
        out.writeInt(constants.size());
        for (Map.Entry<String, String> constant : constants.entrySet()) {
          writeText(out, constant.getKey());
          writeText(out, constant.getValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new CodeIdentity(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes.toByteArray())));
    }

    private void writeClasses(DataOutputStream out) throws IOException {
      out.writeInt(classes.size());
      for (Map.Entry<String, Class<?>> entry : classes.entrySet()) {
        writeText(out, entry.getKey());
        List<ClassFiles.ClassFile> files = codeOf(entry.getValue());
        out.writeInt(files.size());
        for (ClassFiles.ClassFile file : files) {
          writeText(out, file.internalName());
          byte[] code = withoutDebugInfo(file.bytes());
          out.writeInt(code.length);
          out.write(code);
        }
      }
    }
  }

  /** The class's own code plus the helper classes it reaches, as the guard defines them. */
  private static List<ClassFiles.ClassFile> codeOf(Class<?> type) {
    GuardScan scan = new GuardScan(type);
    scan.run();
    List<ClassFiles.ClassFile> files = new ArrayList<>(ClassFiles.closure(type));
    files.addAll(scan.helperClassFiles());
    return files;
  }

  private static byte[] withoutDebugInfo(byte[] classFile) {
    ClassWriter writer = new ClassWriter(0);
    new ClassReader(classFile).accept(writer, ClassReader.SKIP_DEBUG);
    return writer.toByteArray();
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
