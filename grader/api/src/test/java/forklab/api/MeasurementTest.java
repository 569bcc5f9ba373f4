package forklab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementTest {
  @Test
  void anAtMostMeasurementCarriesItsLimitsDetailsAndSeriesUnderTheAgreedKeys() {
    Map<String, String> entries =
        Measurement.of(612, "ms")
            .atMost(750)
            .limit("one child", 420)
            .detail("attempts", "612 ms, 640 ms")
            .detail("threads", 2)
            .series("threads", "measured", new double[] {1, 2}, new double[] {1, 1.9})
            .series("threads", "calibrated limit", new double[] {1, 2}, new double[] {1, 1.95})
            .entries();

    assertThat(entries)
        .containsExactly(
            Map.entry("forklab.measured", "612.0000"),
            Map.entry("forklab.required", "750.0000"),
            Map.entry("forklab.unit", "ms"),
            Map.entry("forklab.direction", "at-most"),
            Map.entry("forklab.limit.one child", "420.0000"),
            Map.entry("forklab.detail.attempts", "612 ms, 640 ms"),
            Map.entry("forklab.detail.threads", "2"),
            Map.entry("forklab.series-axis", "threads"),
            Map.entry("forklab.series.measured", "1.0000:1.0000,2.0000:1.9000"),
            Map.entry("forklab.series.calibrated limit", "1.0000:1.0000,2.0000:1.9500"));
  }

  @Test
  void measuredPublishMeansAtLeastAndKeepsItsDetailsAsText() {
    Map<String, String> published = new LinkedHashMap<>();

    Measured.publish(published::putAll, 0.93, 0.9, "balance", Map.of("range", "[0, about 10)"));

    assertThat(published)
        .containsEntry("forklab.measured", "0.9300")
        .containsEntry("forklab.required", "0.9000")
        .containsEntry("forklab.unit", "balance")
        .containsEntry("forklab.direction", "at-least")
        .containsEntry("forklab.detail.range", "[0, about 10)");
  }

  @Test
  void aMeasurementWithoutABoundHasNoRequiredValueNorDirection() {
    assertThat(Measurement.of(3, "x").entries())
        .containsOnlyKeys("forklab.measured", "forklab.unit");
  }

  @Test
  void mistakesAreRefusedWhereTheyAreMade() {
    assertThatThrownBy(() -> Measurement.of(1, "x").atLeast(1).atMost(2))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> Measurement.of(1, "x").series("threads", "a", new double[] {1}, new double[] {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Measurement.of(1, "x")
                    .series("threads", "a", new double[] {1}, new double[] {1})
                    .series("size", "b", new double[] {1}, new double[] {1}))
        .hasMessageContaining("one axis");
    assertThatThrownBy(() -> Measurement.of(1, "x").limit(" ", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
