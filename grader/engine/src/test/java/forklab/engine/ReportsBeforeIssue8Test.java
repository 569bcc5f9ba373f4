package forklab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import forklab.report.Reports;
import forklab.score.GradeResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regrades the five submissions captured before issue 8 (seed 42, local sandbox) and compares: the
 * contract files are the same once times are normalised; the student-facing files still name every
 * check with its verdict and still carry every line of its old feedback. One wording changed on
 * purpose: a check behind a gate ({@code @Gated}) that fails now reads "not measured: M must first
 * give the right answer: why" instead of "this goal (...) is only earned once M works" with its
 * measured/required lines; {@link #GATE} maps both to the same text.
 */
@Tag("slow")
@Timeout(900)
class ReportsBeforeIssue8Test {
  private static final Path BEFORE = Path.of("src/test/resources/reports-before-issue-8");
  private static final JsonMapper JSON = new JsonMapper();

  /** The old and the new wording of a failed gate. */
  private static final String GATE =
      "(?:this goal \\([^)]*\\) is only earned once (\\w+) works"
          + "|not measured: (\\w+) must first give the right answer:)";

  /** A failed gate's text to the end of its JSON string. */
  private static final Pattern GATE_IN_JSON = Pattern.compile(GATE + "(?:[^\"\\\\]|\\\\.)*");

  /** A failed gate's text to the end of its XML attribute or element. */
  private static final Pattern GATE_IN_XML =
      Pattern.compile(GATE + "[^<\"]*(?:\"(?! type=)[^<\"]*)*");

  private static final Pattern OLD_GATE_LINE =
      Pattern.compile(
          "this goal \\(.*is only earned once.*|measured: \\w+\\(.*\\) threw .*"
              + "|required: the count of primes in the range.*"
              + "|try next: make the public tests pass first.*");

  private static String gatesAlike(Pattern gate, String text) {
    return gate.matcher(text)
        .replaceAll(match -> "GATE " + (match.group(1) != null ? match.group(1) : match.group(2)));
  }

  @TempDir Path scratch;
  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(
      strings = {"skeletons", "good", "does-not-compile", "huge-message", "uses-reflection"})
  void regradingGivesTheSameContractFilesAndKeepsEveryCheckAndEveryFeedbackLine(String name)
      throws Exception {
    GradeResult grade =
        name.equals("skeletons")
            ? Fixtures.grade(
                Fixtures.workbench(Fixtures.home(), scratch),
                Fixtures.home().resolve("exercises"),
                capturedExercises(BEFORE.resolve(name)))
            : Fixtures.grade(
                Fixtures.workbench(Fixtures.echoCourse(), scratch),
                Fixtures.echoSubmission(name),
                List.of());
    Reports.writeAll(grade, out);
    Path before = BEFORE.resolve(name);

    assertThat(gatesAlike(GATE_IN_JSON, resultsJson(out).toString()))
        .isEqualTo(gatesAlike(GATE_IN_JSON, resultsJson(before).toString()));
    assertThat(gatesAlike(GATE_IN_XML, junitXml(out)))
        .isEqualTo(gatesAlike(GATE_IN_XML, junitXml(before)));

    // The check names in summary.md sit in <summary>, so HTML-escaped.
    String summary = unescapeHtml(unescapeMarkdown(read(out, "summary.md")));
    String html = unescapeHtml(read(out, "report.html").replaceAll("<[^>]+>", ""));
    for (JsonNode test : JSON.readTree(read(before, "results.json")).get("tests")) {
      String check = test.get("extra_data").get("check").asText();
      String label = label(test.get("extra_data").get("verdict").asText());
      assertThat(summary).as("summary.md: " + check).contains(label + ": " + check + " · ");
      assertThat(html).as("report.html: " + check).contains(label + " " + check);
    }
    if (name.equals("skeletons")) {
      assertThat(summary).contains("not measured: countParallel must first give the right answer");
    }
    for (String line : oldSummaryFeedback(read(before, "summary.md"))) {
      if (OLD_GATE_LINE.matcher(line).matches()) {
        continue;
      }
      assertThat(summary).as("summary.md keeps a line of feedback").contains(line);
    }
    for (String line : oldHtmlFeedback(read(before, "report.html"))) {
      if (OLD_GATE_LINE.matcher(line).matches()) {
        continue;
      }
      assertThat(html).as("report.html keeps a line of feedback").contains(line);
    }
  }

  /**
   * The exercises a captured grade holds: exercises added to the course since are not regraded, so
   * that a new exercise does not change the old contract files.
   */
  private static List<String> capturedExercises(Path folder) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode exercise :
        JSON.readTree(read(folder, "results.json")).get("extra_data").get("exercises")) {
      ids.add(exercise.get("id").asText());
    }
    return ids;
  }

  /**
   * results.json without what changes from run to run (times, the start) and without {@code
   * direction} and {@code limits}, which issue 8 added to measured checks on purpose, and with the
   * version as "V": it now comes from the build (0.1.0-SNAPSHOT), no longer from a constant
   * (0.1.0).
   */
  private static JsonNode resultsJson(Path folder) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(read(folder, "results.json"));
    root.put("execution_time", 0);
    root.put(
        "output",
        root.get("output")
            .asText()
            .replaceAll("in [0-9.]+ s\\.", "in T s.")
            .replaceAll("Forklab [^,]+,", "Forklab V,"));
    ((ObjectNode) root.get("extra_data")).put("started_at", "T");
    ((ObjectNode) root.get("extra_data")).put("version", "V");
    for (JsonNode test : root.get("tests")) {
      ObjectNode extra = (ObjectNode) test.get("extra_data");
      extra.put("duration_seconds", 0);
      extra.remove(List.of("direction", "limits"));
    }
    return root;
  }

  private static String junitXml(Path folder) throws Exception {
    return read(folder, "junit.xml")
        .replaceAll(" time=\"[0-9.]+\"", " time=\"T\"")
        .replaceAll(" timestamp=\"[^\"]+\"", " timestamp=\"T\"");
  }

  private static String label(String verdict) {
    return switch (verdict) {
      case "pass" -> "passed";
      case "fail" -> "missed";
      case "not_judged" -> "not judged";
      default -> "could not run";
    };
  }

  /** The feedback lines of the old "### Missed:" and "### Could not run:" blocks, unescaped. */
  private static List<String> oldSummaryFeedback(String summary) {
    List<String> lines = new ArrayList<>();
    boolean inProblem = false;
    for (String line : summary.split("\n")) {
      if (line.startsWith("#") || line.startsWith("---") || line.startsWith("<details>")) {
        inProblem = line.startsWith("### Missed: ") || line.startsWith("### Could not run: ");
      } else if (inProblem && !line.isBlank() && !line.startsWith("Goal: ")) {
        lines.add(unescapeMarkdown(line.startsWith("- ") ? line.substring(2) : line).strip());
      }
    }
    return lines;
  }

  private static final Pattern PROBLEM =
      Pattern.compile("<div class=\"problem\">([\\s\\S]*?)</div>");
  private static final Pattern LINE = Pattern.compile("<(?:p|li)>(.*?)</(?:p|li)>");

  /** The feedback lines of the old problem blocks, unescaped. */
  private static List<String> oldHtmlFeedback(String html) {
    List<String> lines = new ArrayList<>();
    Matcher problem = PROBLEM.matcher(html);
    while (problem.find()) {
      Matcher line = LINE.matcher(problem.group(1));
      while (line.find()) {
        lines.add(unescapeHtml(line.group(1)).strip());
      }
    }
    return lines;
  }

  private static String unescapeMarkdown(String text) {
    return text.replaceAll("\\\\([\\\\`*_\\[\\]<>|~#!&@$/+=.)-])", "$1");
  }

  private static String unescapeHtml(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }

  private static String read(Path folder, String file) throws Exception {
    return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
  }
}
