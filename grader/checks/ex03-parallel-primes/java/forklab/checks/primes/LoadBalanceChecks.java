package forklab.checks.primes;

import static forklab.checks.primes.GraderPrimes.two;

import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Graded;
import forklab.api.Measured;
import forklab.api.Seeded;
import forklab.primes.PrimeCounter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The load-balance goal. On [0, N) a prime test costs more the larger the number, so equal slices
 * leave the low threads idle while the top one works on. The check calls countParallel(0, N, C)
 * and watches how many of its threads want a CPU through the call ({@link BusyThreads}): the
 * second-lowest busy share of {@value #ROUNDS} calls must reach {@value #REQUIRED}. Equal slices
 * reach about 0.80 on two CPUs (less on more), a balanced split about 0.99; the grader's own equal
 * slices are watched in the same run and shown beside the result. The share counts runnable
 * threads, not CPU time, so a busy machine hardly moves it (it can only make equal slices look a
 * little better).
 */
@Seeded
class LoadBalanceChecks {
  private static final int ROUNDS = 5;
  private static final double TARGET_MILLIS = 400;

  /** The busy share a submission must reach. */
  static final double REQUIRED = 0.90;

  @Test
  @DisplayName("on [0, N) where bigger numbers cost more, all C threads stay busy to the end")
  @Graded(goal = Goal.SPEEDUP, points = 3)
  @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void threadsStayBusyToTheEnd(Random random, TestReporter reporter) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores < 2) {
      Measured.notJudgedHere(
          "this machine gives the check 1 CPU, so there is no load to balance between CPUs");
    }
    GraderPrimes.requireWorkingCountParallel("load balance");
    long n = rangeEnd();
    PrimeCounter.countParallel(0, n / 8, cores); // warm-up
    GraderPrimes.countEqualSlices(0, n / 8, cores);

    double[] shares = new double[ROUNDS];
    double[] sliceShares = new double[ROUNDS];
    double[] millis = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long to = n + random.nextLong(Math.max(1, n / 200));
      BusyThreads.Watched slices =
          BusyThreads.watch(cores, () -> GraderPrimes.countEqualSlices(0, to, cores));
      BusyThreads.Watched submission =
          BusyThreads.watch(cores, () -> PrimeCounter.countParallel(0, to, cores));
      Feedback.of("countParallel gave a wrong count while its load balance was measured")
          .measured("countParallel(0, " + to + ", " + cores + ") = " + submission.result())
          .required(String.valueOf(slices.result()))
          .tryNext("make the correctness checks pass first")
          .failUnless(submission.result() == slices.result());
      shares[round] = submission.busyShare();
      sliceShares[round] = slices.busyShare();
      millis[round] = submission.millis();
    }

    double measured = secondLowest(shares);
    double slices = median(sliceShares);
    double required = REQUIRED;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("equal slices", two(slices));
    details.put("threads", cores);
    details.put("range", "[0, about " + n + ")");
    details.put("median call ms", two(median(millis)));
    details.put("rounds", ROUNDS);
    Measured.publish(reporter, measured, required, "busy share", details);

    Feedback.of(
            "countParallel(0, "
                + n
                + ", "
                + cores
                + ") leaves threads idle while others still work")
        .measured(
            "on average "
                + two(measured)
                + " of the "
                + cores
                + " CPUs had a thread of yours that wanted to run (second-lowest of "
                + ROUNDS
                + " calls)")
        .required(
            "at least "
                + two(required)
                + " (the grader's own equal slices, one per thread, reached "
                + two(slices)
                + " in the same run; a balanced split reaches about 0.99)")
        .tryNext(
            "do not give each thread one equal slice: the top slice has the dearest numbers, and"
                + " the other threads finish early and wait. Cut the range into many small blocks"
                + " (about 1,000 numbers) and let every thread take the next free block from a"
                + " shared AtomicLong until none is left")
        .failUnless(measured >= required);
  }

  /**
   * The second-lowest value. A balanced split keeps its threads runnable in every call whatever
   * else the machine runs, while an unbalanced one may look better in a call where other programs
   * happened to slow its early finishers: the low end shows the imbalance, and skipping the very
   * lowest keeps one odd call from deciding.
   */
  private static double secondLowest(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(1, sorted.length - 1)];
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** N such that the grader's sequential count of [0, N) takes about {@value #TARGET_MILLIS} ms. */
  private static long rangeEnd() {
    long probe = 400_000;
    for (int i = 0; i < 3; i++) {
      GraderPrimes.count(0, probe);
    }
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      GraderPrimes.count(0, probe);
      best = Math.min(best, GraderPrimes.millisSince(start));
    }
    // The cost of [0, N) grows about as N^1.5.
    double scale = Math.pow(TARGET_MILLIS / Math.max(best, 0.01), 2.0 / 3.0);
    return Math.clamp((long) (probe * scale), 400_000L, 20_000_000L);
  }
}
