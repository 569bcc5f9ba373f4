package forklab.api;

import java.util.Arrays;

/**
 * The statistics checks take of repeated measurements. Robust ones first: a busy machine makes
 * single timings noisy, and the median of a few runs shrugs off one disturbed run.
 *
 * <pre>{@code
 * double[] balances = new double[5];
 * for (int round = 0; round < 5; round++) {
 *   balances[round] = measureOnce();
 * }
 * double typical = Stats.median(balances);
 * }</pre>
 */
public final class Stats {
  private Stats() {}

  /** The median, the mean of the two middle values for an even count; NaN for no values. */
  public static double median(double... values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The median of whole numbers such as milliseconds or nanoseconds; NaN for no values. */
  public static double median(long... values) {
    return median(Arrays.stream(values).asDoubleStream().toArray());
  }

  /**
   * The {@code q}-quantile (0 the least, 1 the greatest), interpolated linearly between the two
   * nearest values; NaN for no values.
   *
   * @throws IllegalArgumentException when {@code q} is not within [0, 1]
   */
  public static double quantile(double q, double... values) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("a quantile lies within [0, 1], not " + q);
    }
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    return below == above
        ? sorted[below]
        : sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  }

  /** The arithmetic mean; NaN for no values. */
  public static double mean(double... values) {
    return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
  }

  /** The values that are neither NaN nor infinite, for statistics over readings that may fail. */
  public static double[] finite(double... values) {
    return Arrays.stream(values).filter(Double::isFinite).toArray();
  }
}
