package forklab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import forklab.api.Goal;
import forklab.course.GoalKind;
import forklab.score.CheckResult;
import forklab.score.Measurement;
import forklab.score.Measurement.Direction;
import forklab.score.Measurement.Point;
import forklab.score.Measurement.Series;
import forklab.score.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesChartTest {
  private static Measurement speedup(Series series) {
    return new Measurement(
        1.93, Direction.AT_LEAST, 1.66, "x", Map.of("calibrated limit", 1.96), Map.of(), series);
  }

  @Test
  void drawsEveryLineOfASeriesOnItsOwnAxisWithTheLimitsDashed() {
    Series series =
        new Series(
            "threads",
            Map.of(
                "measured", List.of(new Point(2, 1.93), new Point(1, 0.98)),
                "calibrated limit", List.of(new Point(1, 1), new Point(2, 1.96))));

    Charts.LineChart chart = Charts.lines("speedup", speedup(series));

    assertThat(chart.heading()).isEqualTo("x against threads");
    assertThat(chart.axis()).isEqualTo("threads");
    assertThat(chart.top()).isEqualTo("2");
    assertThat(chart.ticks()).extracting(Charts.Tick::label).containsExactly("1", "2");
    assertThat(chart.lines())
        .extracting(Charts.Line::name, Charts.Line::dashed)
        .containsExactly(tuple("calibrated limit", true), tuple("measured", false));
    assertThat(chart.lines().get(1).points()).isEqualTo("60.0,135.8 480.0,50.3");
  }

  @Test
  void drawsBarsForMeasuredRequiredAndEveryLimitAndALineOnlyForASeries() {
    var check =
        new CheckResult(
            "ex03-parallel-primes",
            "speedup",
            GoalKind.of(Goal.SPEEDUP),
            true,
            0,
            4,
            Verdict.FAIL,
            "",
            "",
            speedup(Series.NONE),
            Duration.ZERO);

    List<Charts.Chart> charts = Charts.of(check);

    assertThat(charts).hasSize(1);
    Charts.BarChart bars = (Charts.BarChart) charts.get(0);
    assertThat(bars.bars())
        .extracting(Charts.Bar::label, Charts.Bar::value)
        .containsExactly(
            tuple("measured", "1.93 x"),
            tuple("required (at least)", "1.66 x"),
            tuple("calibrated limit", "1.96 x"));
  }
}
