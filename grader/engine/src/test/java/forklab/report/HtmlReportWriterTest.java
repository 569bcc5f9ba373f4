package forklab.report;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.score.GradeResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlReportWriterTest {

  static String render(GradeResult grade) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Reports.html().write(grade, out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<GradeResult> grades() {
    return Grades.all().stream();
  }

  @ParameterizedTest
  @MethodSource("grades")
  void isSelfContainedWithNothingToFetch(GradeResult grade) {
    String html = render(grade);

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
        .doesNotContain(
            "http://", "https://", "<script", "<link", "<img", "@import", "url(", "src=\"");
  }

  @Test
  void escapesHostileTextEverywhere() {
    String html = render(Grades.hostile());

    assertThat(html)
        .contains(
            "]]&gt; &lt;script&gt;alert('x')&lt;/script&gt; ``` &lt;/details&gt; | ^@ ^[ red &amp;amp;")
        .contains("name with | pipe and &lt;b&gt;bold&lt;/b&gt;")
        .contains("Workers &lt;i&gt;in&lt;/i&gt; threads | pipes")
        .contains("warning with bold")
        .doesNotContain("<script", "<b>", "<i>", "\u0000", "\u001B")
        .hasSizeLessThan(HtmlReportWriter.OUTPUT_CAP + 20_000);
  }

  @Test
  void showsTheSameFeedbackAsTheSummary() {
    String html = render(Grades.mixed());

    assertThat(html)
        .contains("<title>Forklab feedback: 8 / 15 points</title>")
        .contains("<h3>Missed: threads overlap <span class=\"muted\">· 2 points</span></h3>")
        .contains("<p>the five workers did not overlap</p>")
        .contains("<p>Try next: start every thread before you join any of them</p>")
        .contains(
            "<summary><span class=\"badge fail\">missed</span> threads overlap <span"
                + " class=\"muted\">(hidden)</span> <span class=\"muted\">· concurrency · 0 / 2"
                + " points</span></summary>")
        .contains("<p>measured 1.512 s, required at most 0.9 s, calibrated limit 1.2 s</p>")
        .contains("<pre class=\"message\">the five workers did not overlap\n  measured: 1,512 ms")
        .contains("<span class=\"badge error\">could not run</span> counts primes")
        .contains("<h2>Not judged here</h2>")
        .contains("only 1 CPU here; a speedup needs 2 or more")
        .contains("<pre>worker 1 done\nworker 2 done</pre>");
  }

  @Test
  void opensWithABannerWhenNoScoreWasGiven() {
    assertThat(render(Grades.infrastructureError()))
        .contains("<title>Forklab feedback: no score given</title>")
        .contains(
            "<div class=\"banner\" role=\"alert\"><strong>No score was given; this is not your fault.</strong>"
                + " The grader hit an infrastructure error: the Docker engine stopped answering after 30 s");
  }

  @Test
  void drawsMeasuredRequiredAndLimitBarsForEveryMeasuredCheck() {
    String html = render(Grades.mixed());

    assertThat(count(html, "<svg role=\"img\" width=\"560\"")).isEqualTo(3);
    assertThat(html)
        .contains(
            "<title>threads overlap: measured 1.512 s, required at most 0.9 s, calibrated limit 1.2 s</title>")
        .contains(">calibrated limit</text>")
        .contains("fill=\"#c62828\"")
        .contains(">1.512 s</text>");
  }

  @Test
  void drawsALineChartForACheckThatPublishesASeries() {
    String html = render(Grades.mixed());

    // Only a check that publishes a series gets a line chart: one polyline per line.
    assertThat(count(html, "<polyline")).isEqualTo(2);
    assertThat(html)
        .contains("<title>speeds up with 4 threads: x against threads</title>")
        .contains(">calibrated limit (dashed)</text>");
  }

  @Test
  void drawsAMeasurementWithoutANumberWithoutItsBar() {
    String html = render(Grades.hostile());

    assertThat(html)
        .contains(">required (at least)</text>")
        .doesNotContain(">measured</text><rect");
  }

  private static int count(String text, String needle) {
    Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
