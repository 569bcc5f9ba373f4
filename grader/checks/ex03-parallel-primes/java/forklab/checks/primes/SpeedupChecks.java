package forklab.checks.primes;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.api.speedup.SpeedupJudge;
import forklab.primes.PrimeCounter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

/**
 * The speedup goal, judged by the calibrated {@link SpeedupJudge}: the submission's countParallel
 * at C threads against the grader's own sequential count, with the machine's limit measured on a
 * perfectly parallel kernel in the same rounds, and the submission on one thread as the control.
 * Every timed run gets a fresh range of nearly equal cost, so caching gains nothing.
 */
@Checks
class SpeedupChecks {
  /** Share of the calibrated limit a submission must reach. */
  static final double SHARE = 0.85;

  private static final long LOWEST = 30_000_000L;
  private static final long SPREAD = 3_000_000L;
  private static final double TARGET_MILLIS = 150;

  @Test
  @Check(
      goal = Goal.SPEEDUP,
      points = 4,
      name = "at C threads the speedup reaches 0.85 of the machine's calibrated limit")
  @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @Gated(CountParallelWorks.class)
  void speedupReachesTheCalibratedLimit(Random random, TestReporter reporter) throws InterruptedException {
    int cores = Runtime.getRuntime().availableProcessors();
    long length = rangeLength(cores);
    SpeedupJudge.Result result = SpeedupJudge.<long[], Long>builder()
        .threads(cores)
        .goal(SHARE)
        .random(random)
        .inputs(rng -> {
          long from = LOWEST + (long) (rng.nextDouble() * SPREAD);
          return new long[] {from, from + length};
        })
        .baseline(range -> GraderPrimes.count(range[0], range[1]))
        .candidate(range -> PrimeCounter.countParallel(range[0], range[1], cores))
        .control(range -> PrimeCounter.countParallel(range[0], range[1], 1))
        .describeInput(range -> "[" + range[0] + ", " + range[1] + ")")
        .judge();
    result.publish(reporter);
    result.assertPassed();
  }

  /** The range length whose sequential count takes about {@value #TARGET_MILLIS} ms here. */
  private static long rangeLength(int cores) {
    long probeFrom = LOWEST + SPREAD / 2;
    long probe = 20_000;
    for (int i = 0; i < 4; i++) {
      GraderPrimes.count(probeFrom, probeFrom + probe);
    }
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      GraderPrimes.count(probeFrom, probeFrom + probe);
      best = Math.min(best, GraderPrimes.millisSince(start));
    }
    long length = (long) (probe * TARGET_MILLIS / Math.max(best, 0.01));
    return Math.clamp(length, 20_000L, 5_000_000L);
  }
}
