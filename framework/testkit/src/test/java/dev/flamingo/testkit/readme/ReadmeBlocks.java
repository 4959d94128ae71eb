package dev.flamingo.testkit.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code ```java} blocks of a Markdown file, with the marker on the line before each. Any thread. */
final class ReadmeBlocks {
  private static final Pattern JAVA_FENCE = Pattern.compile("( *)```java\\s*");

  private ReadmeBlocks() {}

  /** Every {@code ```java} block of {@code repo/readme}, in order; {@code readme} is relative to {@code repo}. */
  static List<Sample> read(Path repo, String readme) throws IOException {
    List<String> lines = Files.readAllLines(repo.resolve(readme));
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = JAVA_FENCE.matcher(lines.get(i));
      if (fence.matches()) {
        String indent = fence.group(1);
        List<String> code = codeAfter(lines, i, indent);
        Marker marker = i > 0 ? Marker.parse(lines.get(i - 1)) : null;
        samples.add(new Sample(readme, i + 1, marker, code));
        i += code.size() + 1;
      }
    }
    return samples;
  }

  // A block inside a list item is indented with its fence; that indentation is not part of the code.
  private static List<String> codeAfter(List<String> lines, int fence, String indent) {
    List<String> code = new ArrayList<>();
    for (int i = fence + 1; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
      String line = lines.get(i);
      code.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
    }
    return code;
  }
}
