package forklab.report;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.api.Goal;
import forklab.score.CheckResult;
import forklab.score.Measurement;
import forklab.score.Verdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesChartTest {
  private static CheckResult speedup(Map<String, String> details) {
    return new CheckResult(
        "ex03-parallel-primes",
        "speedup",
        Goal.SPEEDUP,
        true,
        4,
        4,
        Verdict.PASS,
        "",
        "",
        new Measurement(1.93, 1.66, "x", details),
        Duration.ofSeconds(5));
  }

  @Test
  void drawsTheSpeedupAgainstThreadsWithTheCalibratedLimitDashed() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("series threads", "1,2");
    details.put("series measured", "0.98,1.93");
    details.put("series limit", "1.00,1.96");

    String svg = HtmlReportWriter.seriesChart(speedup(details));

    assertThat(svg)
        .startsWith("<svg role=\"img\"")
        .contains("measured (x) against threads")
        .contains("solid: measured · dashed: calibrated limit")
        .contains("stroke-dasharray");
  }

  @Test
  void drawsNothingForMalformedOrMissingSeries() {
    assertThat(HtmlReportWriter.seriesChart(speedup(Map.of()))).isEmpty();
    assertThat(
            HtmlReportWriter.seriesChart(
                speedup(
                    Map.of(
                        "series threads",
                        "1,2",
                        "series measured",
                        "0.98,<script>",
                        "series limit",
                        "1,2"))))
        .isEmpty();
    assertThat(
            HtmlReportWriter.seriesChart(
                speedup(
                    Map.of(
                        "series threads",
                        "1,2,4",
                        "series measured",
                        "0.98,1.9",
                        "series limit",
                        "1,2"))))
        .isEmpty();
  }
}
