package forklab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
    assertThat(Stats.median(3, 1, 2)).isEqualTo(2);
    assertThat(Stats.median(4, 1, 3, 2)).isEqualTo(2.5);
    assertThat(Stats.median(300L, 100L, 900L, 200L)).isEqualTo(250);
    assertThat(Stats.median(new double[0])).isNaN();
  }

  @Test
  void theMedianDoesNotReorderTheCallersArray() {
    double[] values = {3, 1, 2};
    Stats.median(values);
    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void quantilesInterpolateBetweenTheNearestValues() {
    assertThat(Stats.quantile(0, 5, 1, 3)).isEqualTo(1);
    assertThat(Stats.quantile(1, 5, 1, 3)).isEqualTo(5);
    assertThat(Stats.quantile(0.25, 1, 2, 3, 4, 5)).isEqualTo(2);
    assertThat(Stats.quantile(0.9, 0, 10)).isCloseTo(9, within(1e-9));
    assertThatThrownBy(() -> Stats.quantile(1.5, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void meanAndFinite() {
    assertThat(Stats.mean(1, 2, 6)).isEqualTo(3);
    assertThat(Stats.mean()).isNaN();
    assertThat(Stats.finite(1, Double.NaN, 2, Double.POSITIVE_INFINITY)).containsExactly(1, 2);
  }
}
