package dev.flamingo.core.guard;

/** Small readers for generic signatures and call names. Thread rule: stateless. */
final class Signatures {
  private Signatures() {}

  /**
   * The internal name (or array descriptor) of the first type argument in a field's generic signature,
   * e.g. {@code com/x/Color} for {@code Ljava/util/Map<Lcom/x/Color;Ljava/lang/Integer;>;}, or
   * {@code "["} for any array type; null when
   * there is none or it is a type variable or unbounded wildcard.
   */
  static String firstTypeArgument(String signature) {
    int open = signature == null ? -1 : signature.indexOf('<');
    if (open < 0) {
      return null;
    }
    int start = open + 1;
    if (signature.charAt(start) == '+') {
      start++;
    }
    char kind = signature.charAt(start);
    if (kind == '[') {
      return "[";
    }
    if (kind != 'L') {
      return null;
    }
    int end = start + 1;
    while (signature.charAt(end) != ';' && signature.charAt(end) != '<') {
      end++;
    }
    return signature.substring(start + 1, end);
  }

  /** Whether {@code owner.name} returns an unmodifiable collection or map. */
  static boolean isUnmodifiableFactory(String call) {
    String owner = call.substring(0, call.lastIndexOf('.'));
    String name = call.substring(call.lastIndexOf('.') + 1);
    return switch (owner) {
      case "java/util/List", "java/util/Set", "java/util/Map" ->
          name.equals("of") || name.equals("copyOf") || name.equals("ofEntries");
      case "java/util/Collections" ->
          name.startsWith("unmodifiable") || name.startsWith("empty") || name.startsWith("singleton");
      case "java/util/stream/Stream" -> name.equals("toList");
      default -> false;
    };
  }
}
