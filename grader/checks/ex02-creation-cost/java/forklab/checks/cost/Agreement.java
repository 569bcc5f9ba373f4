package forklab.checks.cost;

import static forklab.checks.cost.GraderCreation.micros;
import static forklab.checks.cost.GraderCreation.times;

import forklab.api.Feedback;
import forklab.api.Measured;
import forklab.api.Measurement;
import forklab.api.Stats;
import forklab.api.speedup.Verdict;
import java.util.Arrays;
import org.junit.jupiter.api.TestReporter;

/**
 * Whether the submission's figures agree with the grader's own, measured in the same rounds: the
 * median of the per-round ratios (yours / the grader's) must lie within a factor of {@value
 * #FACTOR}. A round's ratio compares two measurements taken a few milliseconds apart, so a machine
 * that slows down for a while slows both; the median ignores the odd round that one of them was
 * unlucky in.
 *
 * <p>Missing the factor is a failure only when the grader's own rounds agreed with each other: when
 * its own rounds (without their one lowest and one highest) lie more than {@value #FACTOR} times
 * apart, the machine is too unsteady to tell, and the check is not judged here. A figure within the
 * factor passes however unsteady the machine was: the calls themselves were checked for doing the
 * work already.
 */
final class Agreement {
  static final double FACTOR = 3;

  private final String method;
  private final String what;
  private final String gradersWay;
  private final int samples;
  private final double[] own;
  private final double[] theirs;

  /**
   * @param method the submission's method, for example "threadNanos"
   * @param what what it measures, for example "a thread creation"
   * @param gradersWay how the grader measures the same, for the student
   * @param samples the samples of each call
   * @param own the grader's own mean per round, in nanoseconds
   * @param theirs the submission's figure per round, in nanoseconds
   */
  Agreement(
      String method, String what, String gradersWay, int samples, double[] own, double[] theirs) {
    if (own.length != theirs.length || own.length < 3) {
      throw new IllegalArgumentException(own.length + " and " + theirs.length + " rounds");
    }
    this.method = method;
    this.what = what;
    this.gradersWay = gradersWay;
    this.samples = samples;
    this.own = own.clone();
    this.theirs = theirs.clone();
  }

  /** The median ratio yours / the grader's. */
  double ratio() {
    double[] ratios = new double[own.length];
    for (int i = 0; i < own.length; i++) {
      ratios[i] = theirs[i] / own[i];
    }
    return Stats.median(ratios);
  }

  /** How far apart the figures are, whichever is larger: at least 1. */
  double apart() {
    double ratio = ratio();
    return ratio >= 1 ? ratio : 1 / ratio;
  }

  /** The grader's own rounds without their one lowest and one highest: {low, high}. */
  double[] ownSpread() {
    double[] sorted = own.clone();
    Arrays.sort(sorted);
    int trim = sorted.length >= 5 ? 1 : 0;
    return new double[] {sorted[trim], sorted[sorted.length - 1 - trim]};
  }

  Verdict verdict() {
    if (apart() <= FACTOR) {
      return Verdict.PASS;
    }
    double[] spread = ownSpread();
    return spread[1] > spread[0] * FACTOR ? Verdict.NOT_JUDGED_HERE : Verdict.FAIL;
  }

  void publish(TestReporter reporter) {
    double[] spread = ownSpread();
    Measurement.of(apart(), "x")
        .atMost(FACTOR)
        .detail("yours", micros(Stats.median(theirs)) + " (median of " + own.length + " rounds)")
        .detail("grader's", micros(Stats.median(own)) + " (median, same rounds)")
        .detail("yours / grader's", times(ratio()))
        .detail("samples per call", samples)
        .detail("the grader's way", gradersWay)
        .detail("your rounds", range(theirs))
        .detail("grader's rounds", micros(spread[0]) + " to " + micros(spread[1]))
        .detail("verdict", verdict().name())
        .publish(reporter);
  }

  /** Returns when the figures agree; fails, or ends the check as not judged, otherwise. */
  void assertAgrees(String tooLow, String tooHigh) {
    Verdict verdict = verdict();
    if (verdict == Verdict.PASS) {
      return;
    }
    double[] spread = ownSpread();
    double grader = Stats.median(own);
    String measured =
        method
            + "("
            + samples
            + ") gave "
            + micros(Stats.median(theirs))
            + " for "
            + what
            + " (median of "
            + own.length
            + " rounds); the grader's own measurement in the same rounds gave "
            + micros(grader)
            + ": yours is "
            + times(ratio())
            + " of it";
    if (verdict == Verdict.NOT_JUDGED_HERE) {
      Measured.notJudgedHere(
          Feedback.of(
                  "the machine was too unsteady to compare "
                      + method
                      + " with the grader's own measurement: the grader's own rounds ranged from "
                      + micros(spread[0])
                      + " to "
                      + micros(spread[1]))
              .measured(measured)
              .tryNext(
                  "nothing is wrong with your code as far as this check can tell; re-run the grade"
                      + " (--retry-unjudged 2) when the machine is quieter")
              .message());
    }
    Feedback.of(method + " does not measure what " + what + " costs")
        .measured(measured)
        .required(
            "within a factor of "
                + (int) FACTOR
                + " of the grader's: between "
                + micros(grader / FACTOR)
                + " and "
                + micros(grader * FACTOR))
        .line("rounds", "yours " + range(theirs) + "; the grader's " + range(own))
        .line("the grader's way", gradersWay)
        .tryNext(ratio() < 1 ? tooLow : tooHigh)
        .fail();
  }

  private static String range(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return micros(sorted[0]) + " to " + micros(sorted[sorted.length - 1]);
  }
}
