package forklab;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.engine.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What Spotless does not check: the grader's main code names classes by import, not inline. */
class SourceStyleTest {
  private static final Pattern INLINE_NAME =
      Pattern.compile("(?<![\\w.@\"])(?:java|javax|org|com|forklab)(?:\\.[a-z0-9]+)+\\.[A-Z]\\w*");

  private static final Pattern MAIN_CODE = Pattern.compile("grader/[^/]+/src/main/java/.*");

  @Test
  void mainCodeHasNoFullyQualifiedNamesInline() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Fixtures.home().resolve("grader"))) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> MAIN_CODE.matcher(Fixtures.home().relativize(f).toString()).matches())
              .toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.startsWith("import ")
              || line.startsWith("package ")
              || line.startsWith("*")
              || line.startsWith("/*")
              || line.startsWith("//")) {
            continue;
          }
          String code = line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
          if (INLINE_NAME.matcher(code).find()) {
            found.add(Fixtures.home().relativize(file) + ":" + (i + 1) + ": " + line);
          }
        }
      }
    }
    assertThat(found).as("import these instead").isEmpty();
  }
}
