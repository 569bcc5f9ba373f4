package forklab.checks.primes;

import static forklab.checks.primes.GraderPrimes.two;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.api.Measured;
import forklab.api.Measurement;
import forklab.api.Stats;
import forklab.api.watch.BusyThreads;
import forklab.primes.PrimeCounter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

/**
 * The load-balance goal. On [0, N) a prime test costs more the larger the number, so equal slices
 * leave the low threads idle while the top one works on. The check calls countParallel(0, N, C) a
 * few times and watches its threads ({@link BusyThreads}).
 *
 * <p>Each call gets a <b>balance</b>: its busy share when that is at least {@value #KEPT_BUSY}
 * (then the threads wanted a CPU nearly all the time, and any unevenness in the CPU time they got
 * was the machine's doing), and otherwise the lower of its busy share and its work split (then the
 * threads did run out of work, and the split tells whether the program handed it out unevenly, in
 * a way other programs on the machine cannot hide). The median balance of {@value #ROUNDS} calls
 * must reach {@value #REQUIRED}: a balanced split gets about 1.00, equal slices about 0.80
 * on two CPUs (less on more). The grader's own equal slices are watched the same way in the same
 * run and shown beside the result.
 */
@Checks
class LoadBalanceChecks {
  private static final int ROUNDS = 5;
  private static final double TARGET_MILLIS = 400;

  /** The balance a submission must reach. */
  static final double REQUIRED = 0.90;

  /** A busy share from which the threads count as busy all along, whatever their CPU times. */
  static final double KEPT_BUSY = 0.96;

  @Test
  @Check(
      goal = Goal.SPEEDUP,
      points = 3,
      name = "on [0, N) where bigger numbers cost more, all C threads stay busy to the end")
  @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @Gated(CountParallelWorks.class)
  void threadsStayBusyToTheEnd(Random random, TestReporter reporter) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores < 2) {
      Measured.notJudgedHere(
          "this machine gives the check 1 CPU, so there is no load to balance between CPUs");
    }
    long n = rangeEnd();
    PrimeCounter.countParallel(0, n / 8, cores); // warm-up
    GraderPrimes.countEqualSlices(0, n / 8, cores);

    double[] balances = new double[ROUNDS];
    double[] shares = new double[ROUNDS];
    double[] splits = new double[ROUNDS];
    double[] sliceBalances = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long to = n + random.nextLong(Math.max(1, n / 200));
      BusyThreads.Watched<Long> slices =
          BusyThreads.watch(cores, () -> GraderPrimes.countEqualSlices(0, to, cores));
      BusyThreads.Watched<Long> submission =
          BusyThreads.watch(cores, () -> PrimeCounter.countParallel(0, to, cores));
      Feedback.of("countParallel gave a wrong count while its load balance was measured")
          .measured("countParallel(0, " + to + ", " + cores + ") = " + submission.result())
          .required(String.valueOf(slices.result()))
          .tryNext("make the correctness checks pass first")
          .failUnless(submission.result().equals(slices.result()));
      balances[round] = balance(submission);
      shares[round] = submission.busyShare();
      splits[round] = submission.workSplit();
      sliceBalances[round] = balance(slices);
    }

    double measured = Stats.median(balances);
    double slices = Stats.median(sliceBalances);
    double required = REQUIRED;
    Measurement.of(measured, "balance")
        .atLeast(required)
        .limit("equal slices", slices)
        .detail("busy share", two(Stats.median(shares)))
        .detail("work split", two(Stats.median(splits)))
        .detail("threads", cores)
        .detail("range", "[0, about " + n + ")")
        .detail("rounds", ROUNDS)
        .publish(reporter);

    Feedback.of(
            "countParallel(0, "
                + n
                + ", "
                + cores
                + ") leaves threads idle while others still work")
        .measured(
            "a balance of "
                + two(measured)
                + " (median of "
                + ROUNDS
                + " calls): on average "
                + two(Stats.median(shares))
                + " of the "
                + cores
                + " CPUs had a thread of yours that wanted to run, and your threads' CPU times"
                + " split the work "
                + two(Stats.median(splits))
                + " evenly (1.00 = every CPU got the same work)")
        .required(
            "at least "
                + two(required)
                + " (the grader's own equal slices, one per thread, got "
                + two(slices)
                + " in the same run; a balanced split gets about 1.00)")
        .tryNext(
            "do not give each thread one equal slice: the top slice has the dearest numbers, and"
                + " the other threads finish early and wait. Cut the range into many small blocks"
                + " (about 1,000 numbers) and let every thread take the next free block from a"
                + " shared AtomicLong until none is left")
        .failUnless(measured >= required);
  }

  /** One call's balance: see the class comment. */
  private static double balance(BusyThreads.Watched<?> call) {
    return call.busyShare() >= KEPT_BUSY
        ? call.busyShare()
        : Math.min(call.busyShare(), call.workSplit());
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
