package dev.flamingo.testkit.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a sample's lines into its top-level items, so a block may mix them as the READMEs do: type
 * declarations (become top-level types), members (fields and methods: an item that starts with an annotation
 * or an access or {@code static} modifier) and statements (everything else). An item ends on a line that
 * closes every bracket it opened and ends with {@code ;} or a closing brace; comment lines before an item
 * belong to it. Any thread.
 */
final class CodeItems {
  /** Where an item goes in the wrapped code; any thread. */
  enum Kind { TYPE, MEMBER, STATEMENT }

  /** Lines {@code first..last} (0-based, inclusive) of the sample form one item of {@code kind}; any thread. */
  record Item(Kind kind, int first, int last) {}

  private static final Pattern ANNOTATIONS = Pattern.compile("^(@\\w+(\\([^)]*\\))?\\s*)+");
  private static final Pattern TYPE = Pattern.compile("((public|protected|private|static|final|abstract|sealed"
      + "|non-sealed|strictfp)\\s+)*(class|record|interface|enum)\\s.*");
  private static final Pattern MEMBER = Pattern.compile("(public|protected|private|static|abstract|synchronized)\\s.*");

  private CodeItems() {}

  /** The items of {@code lines}; trailing lines that end no item form a last statement, for javac to judge. */
  static List<Item> split(List<String> lines) {
    List<Item> items = new ArrayList<>();
    Scanner scanner = new Scanner();
    int depth = 0;
    int first = -1;
    String head = null;
    for (int i = 0; i < lines.size(); i++) {
      String code = scanner.code(lines.get(i)).strip();
      if (first < 0 && lines.get(i).isBlank()) {
        continue;
      }
      first = first < 0 ? i : first;
      head = head == null && !code.isEmpty() ? code : head;
      depth += depthChange(code);
      if (depth == 0 && (code.endsWith(";") || code.endsWith("}"))) {
        items.add(new Item(kind(head), first, i));
        first = -1;
        head = null;
      }
    }
    if (first >= 0) {
      items.add(new Item(head == null ? Kind.STATEMENT : kind(head), first, lines.size() - 1));
    }
    return items;
  }

  private static Kind kind(String head) {
    String unannotated = ANNOTATIONS.matcher(head).replaceFirst("");
    if (TYPE.matcher(unannotated).matches()) {
      return Kind.TYPE;
    }
    return head.startsWith("@") || MEMBER.matcher(head).matches() ? Kind.MEMBER : Kind.STATEMENT;
  }

  private static int depthChange(String code) {
    int change = 0;
    for (char c : code.toCharArray()) {
      change += c == '{' || c == '(' || c == '[' ? 1 : c == '}' || c == ')' || c == ']' ? -1 : 0;
    }
    return change;
  }

  /** Blanks comments and string and character literals out of lines, remembering an open block comment; one thread. */
  private static final class Scanner {
    private boolean inComment;

    String code(String line) {
      StringBuilder code = new StringBuilder();
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (inComment) {
          inComment = !line.startsWith("*/", i);
          i += inComment ? 0 : 1;
        } else if (line.startsWith("//", i)) {
          break;
        } else if (line.startsWith("/*", i)) {
          inComment = true;
          i++;
        } else if (c == '"' || c == '\'') {
          i = endOfLiteral(line, i, c);
          code.append(c).append(c);
        } else {
          code.append(c);
        }
      }
      return code.toString();
    }

    private static int endOfLiteral(String line, int start, char quote) {
      int i = start + 1;
      while (i < line.length() && line.charAt(i) != quote) {
        i += line.charAt(i) == '\\' ? 2 : 1;
      }
      return i;
    }
  }
}
