package forklab.api.speedup;

import forklab.api.Stats;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns rounds of timings into a verdict. PASS only when even the pessimistic end of the interval
 * around the median fraction clears the goal; FAIL only when even the optimistic end misses it; NOT
 * JUDGED HERE when the machine shows too little parallelism or the spread straddles the goal.
 *
 * <p>The interval is the distribution-free one for a median: the k-th smallest and k-th largest of
 * n values, with k the largest that keeps the coverage at or above {@link #COVERAGE}. Each round
 * gives its pessimistic fraction to the low end and its optimistic one to the high end (they differ
 * when the clocks cannot tell exactly how many CPUs the candidate kept busy); a discarded round
 * counts as unknown, lowest at the low end and highest at the high end, so discarding a round can
 * never help a verdict along.
 */
public final class DecisionRule {
  /** Coverage of the interval around the median. */
  public static final double COVERAGE = 0.85;

  static final String TOO_NOISY = "the measurements were too spread out";
  static final String TOO_FEW = "too few rounds could count";

  private final double goal;
  private final double minimumLimit;

  /**
   * @param goal the fraction of the calibrated limit required, for example 0.85
   * @param minimumLimit the calibrated limit below which the machine cannot judge, for example 1.35
   */
  public DecisionRule(double goal, double minimumLimit) {
    if (goal <= 0 || goal > 1.5 || minimumLimit < 1) {
      throw new IllegalArgumentException(
          "goal " + goal + " or minimum limit " + minimumLimit + " out of range");
    }
    this.goal = goal;
    this.minimumLimit = minimumLimit;
  }

  /** Decides on rounds that were all measured cleanly. */
  public Decision decide(List<Round> rounds) {
    return decide(rounds, 0);
  }

  /**
   * Decides on the clean {@code rounds} and {@code discarded} more whose measurement something else
   * disturbed.
   *
   * @throws IllegalArgumentException if there are fewer than 3 rounds in all
   */
  public Decision decide(List<Round> rounds, int discarded) {
    int n = rounds.size() + discarded;
    if (n < 3 || discarded < 0) {
      throw new IllegalArgumentException("at least 3 rounds are needed, not " + n);
    }
    int clean = rounds.size();
    if (clean < 3) {
      return new Decision(
          Verdict.NOT_JUDGED_HERE,
          Double.NaN,
          Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY,
          Double.NaN,
          Double.NaN,
          clean,
          discarded,
          String.format(
              Locale.ROOT,
              TOO_FEW + ": only %d of %d rounds were measured without other threads using the CPUs",
              clean,
              n));
    }
    Interval interval =
        interval(
            rounds.stream().mapToDouble(Round::fraction).toArray(),
            rounds.stream().mapToDouble(Round::optimisticFraction).toArray(),
            discarded);
    double limit = median(rounds.stream().mapToDouble(Round::limit).toArray());
    double speedup = median(rounds.stream().mapToDouble(Round::effectiveSpeedup).toArray());
    double fraction = interval.median();
    double low = interval.low();
    double high = interval.high();
    if (limit < minimumLimit) {
      return new Decision(
          Verdict.NOT_JUDGED_HERE,
          fraction,
          low,
          high,
          limit,
          speedup,
          clean,
          discarded,
          String.format(
              Locale.ROOT,
              "the machine cannot show parallelism right now: a perfectly parallel kernel"
                  + " reached only %.2fx (at least %.2fx is needed to judge a speedup)",
              limit,
              minimumLimit));
    }
    Verdict verdict = interval.against(goal);
    if (verdict == Verdict.PASS) {
      return new Decision(
          Verdict.PASS,
          fraction,
          low,
          high,
          limit,
          speedup,
          clean,
          discarded,
          String.format(
              Locale.ROOT,
              "even the slowest rounds reached %.2f of the limit (goal %.2f)",
              low,
              goal));
    }
    if (verdict == Verdict.FAIL) {
      return new Decision(
          Verdict.FAIL,
          fraction,
          low,
          high,
          limit,
          speedup,
          clean,
          discarded,
          String.format(
              Locale.ROOT,
              "even the fastest rounds reached only %.2f of the limit (goal %.2f)",
              high,
              goal));
    }
    return new Decision(
        Verdict.NOT_JUDGED_HERE,
        fraction,
        low,
        high,
        limit,
        speedup,
        clean,
        discarded,
        String.format(
            Locale.ROOT,
            TOO_NOISY + ": between %s and %s of the limit, on both sides of the goal %.2f%s",
            bound(low),
            bound(high),
            goal,
            discarded == 0
                ? ""
                : String.format(
                    Locale.ROOT,
                    " (%d of %d rounds were discarded and count as unknown)",
                    discarded,
                    n)));
  }

  /**
   * The median of the pessimistic values and the distribution-free interval around it: the k-th
   * smallest pessimistic value and the k-th largest optimistic one, a discarded round counting as
   * unknown at both ends. Any per-round quantity can go through it: the speedup judge's fractions
   * of the limit, the ratio judge's ratios.
   *
   * @param pessimistic one value per clean round, for the low end
   * @param optimistic one value per clean round, at least the pessimistic one, for the high end
   * @param discarded rounds that count as unknown
   */
  static Interval interval(double[] pessimistic, double[] optimistic, int discarded) {
    int clean = pessimistic.length;
    if (optimistic.length != clean || clean == 0 || discarded < 0) {
      throw new IllegalArgumentException(
          clean + " pessimistic and " + optimistic.length + " optimistic values");
    }
    double[] lows = pessimistic.clone();
    double[] highs = optimistic.clone();
    Arrays.sort(lows);
    Arrays.sort(highs);
    int k = orderStatistic(clean + discarded);
    double low = k <= discarded ? Double.NEGATIVE_INFINITY : lows[k - discarded - 1];
    double high = k <= discarded ? Double.POSITIVE_INFINITY : highs[clean - (k - discarded)];
    return new Interval(median(lows), low, high);
  }

  /**
   * The median and its interval, with coverage at least {@link #COVERAGE}.
   *
   * @param median the median of the pessimistic values
   * @param low the interval's pessimistic end; negative infinity when unknown
   * @param high the interval's optimistic end; positive infinity when unknown
   */
  record Interval(double median, double low, double high) {
    /** PASS when even the low end clears the goal, FAIL when even the high end misses it. */
    Verdict against(double goal) {
      if (low >= goal) {
        return Verdict.PASS;
      }
      return high < goal ? Verdict.FAIL : Verdict.NOT_JUDGED_HERE;
    }
  }

  /**
   * A bound of the interval in words: two decimals, or "unknown" when discarded rounds leave it
   * open.
   */
  static String bound(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "unknown";
  }

  public double goal() {
    return goal;
  }

  /** The largest k such that [x(k), x(n-k+1)] covers the median with probability >= COVERAGE. */
  static int orderStatistic(int n) {
    int best = 1;
    for (int k = 1; k <= (n + 1) / 2; k++) {
      double outside = 0;
      for (int i = 0; i < k; i++) {
        outside += binomialHalf(n, i);
      }
      if (1 - 2 * outside >= COVERAGE) {
        best = k;
      }
    }
    return best;
  }

  private static double binomialHalf(int n, int i) {
    double coefficient = 1;
    for (int j = 0; j < i; j++) {
      coefficient = coefficient * (n - j) / (j + 1);
    }
    return coefficient / Math.pow(2, n);
  }

  static double median(double[] values) {
    return Stats.median(values);
  }
}
