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
 * The speedup goal, judged against a limit calibrated in the same run.
 *
 * <p>PROVISIONAL judge, until a calibrated judge shared by all exercises replaces it. Each round
 * draws a fresh random range (of nearly equal cost) and times, in alternating order, the grader's
 * own sequential count and the submission's countParallel at C threads, and beside them a
 * perfectly parallel kernel (C copies of one slice, nothing shared) on one thread and on C
 * threads. The submission must reach {@value #SHARE} of the kernel's speedup, judged both between
 * fastest runs (see {@link Series}) and as the median of the rounds' own ratios, whichever is
 * better; when it falls short on a noisy machine the goal is not judged rather than failed.
 */
@Seeded
class SpeedupChecks {
  /** Share of the calibrated limit a submission must reach. */
  static final double SHARE = 0.85;

  /** Below this calibrated limit the machine is too busy (or too small) to judge a speedup. */
  static final double LEAST_LIMIT = 1.35;

  /** A failure is only reported when the median run was at most this much slower than the fastest. */
  static final double NOISY = 1.25;

  private static final int ROUNDS = 6;
  private static final int MORE_ROUNDS = 6;
  private static final long LOWEST = 30_000_000L;
  private static final long SPREAD = 3_000_000L;
  private static final double TARGET_MILLIS = 200;

  @Test
  @DisplayName("at C threads the speedup reaches 0.85 of the machine's calibrated limit")
  @Graded(goal = Goal.SPEEDUP, points = 4)
  @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void speedupReachesTheCalibratedLimit(Random random, TestReporter reporter) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores < 2) {
      Measured.notJudgedHere(
          "this machine gives the check 1 CPU, so no thread count can be faster than one thread");
    }
    GraderPrimes.requireWorkingCountParallel("speedup");
    long length = rangeLength(cores);

    Timings timings = new Timings();
    timings.run(ROUNDS, cores, length, random);
    if (!timings.hopeless && timings.creditedSpeedup() < SHARE * timings.limit()) {
      // A busy moment may have hidden the true speed: look again before saying no.
      timings.run(MORE_ROUNDS, cores, length, random);
    }

    double speedup = timings.creditedSpeedup();
    double limit = timings.limit();
    double required = SHARE * limit;
    double noise = timings.noise();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("calibrated limit", two(limit));
    details.put("threads", cores);
    details.put("range length", length);
    details.put("rounds", timings.sequential.size());
    details.put("fastest-run speedup", two(timings.speedup()));
    details.put("median round efficiency", two(timings.roundEfficiency()));
    details.put("noise", two(noise));
    Measured.publish(reporter, speedup, required, "x", details);

    if (limit < LEAST_LIMIT) {
      Measured.notJudgedHere(
          "the machine is busy right now: "
              + cores
              + " threads of a perfectly parallel kernel were only "
              + two(limit)
              + "x faster than one (at least "
              + LEAST_LIMIT
              + "x is needed to judge a speedup)");
    }
    if (speedup < required && noise > NOISY) {
      Measured.notJudgedHere(
          "the machine was too noisy to judge a speedup: the median run was "
              + two(noise)
              + "x slower than the fastest (at most "
              + NOISY
              + " is needed); measured "
              + two(speedup)
              + "x against a calibrated limit of "
              + two(limit)
              + "x");
    }
    Feedback.of("countParallel with " + cores + " threads is not fast enough")
        .measured(
            two(speedup)
                + "x faster than the grader's sequential count ("
                + timings.sequential.size()
                + " rounds on random ranges of "
                + length
                + " numbers near "
                + LOWEST
                + ")")
        .required(
            "at least "
                + two(required)
                + "x, that is "
                + SHARE
                + " of the "
                + two(limit)
                + "x that a perfectly parallel kernel reached on this machine in the same run")
        .tryNext(
            "start all threads before joining any, give every thread work until the very end"
                + " (many small blocks drawn from a shared AtomicLong), and do not make the threads"
                + " update one shared counter or lock for every number")
        .failUnless(speedup >= required);
  }

  /** The four series of the check, filled round by round. */
  private static final class Timings {
    final Series sequential = new Series();
    final Series parallel = new Series();
    final Series kernelOne = new Series();
    final Series kernelAll = new Series();

    /** Set when even the fastest countParallel took 3x the fastest sequential count: stop early. */
    boolean hopeless;

    void run(int rounds, int cores, long length, Random random) {
      for (int round = 0; round < rounds && !hopeless; round++) {
        long from = LOWEST + random.nextLong(SPREAD);
        long to = from + length;
        long sliceEnd = from + Math.max(1, length / cores);
        // One-thread runs side by side, C-thread runs side by side, the order turned each round.
        long expected;
        long got;
        if (sequential.size() % 2 == 0) {
          timeKernelOnOneThread(cores, from, sliceEnd);
          expected = timeSequential(from, to);
          got = timeParallel(from, to, cores);
          timeKernelOnAllThreads(cores, from, sliceEnd);
        } else {
          timeKernelOnAllThreads(cores, from, sliceEnd);
          got = timeParallel(from, to, cores);
          expected = timeSequential(from, to);
          timeKernelOnOneThread(cores, from, sliceEnd);
        }
        requireRight(from, to, cores, got, expected);
        hopeless = parallel.size() >= 2 && parallel.best() > 3 * sequential.best();
      }
    }

    private long timeSequential(long from, long to) {
      long start = System.nanoTime();
      long count = GraderPrimes.count(from, to);
      sequential.add(GraderPrimes.millisSince(start));
      return count;
    }

    private long timeParallel(long from, long to, int cores) {
      long start = System.nanoTime();
      long count = PrimeCounter.countParallel(from, to, cores);
      parallel.add(GraderPrimes.millisSince(start));
      return count;
    }

    private void timeKernelOnOneThread(int copies, long from, long to) {
      long start = System.nanoTime();
      long sum = 0;
      for (int i = 0; i < copies; i++) {
        sum += GraderPrimes.count(from, to);
      }
      kernelOne.add(GraderPrimes.millisSince(start));
      GraderPrimes.sink(sum);
    }

    private void timeKernelOnAllThreads(int threads, long from, long to) {
      long start = System.nanoTime();
      long sum = GraderPrimes.kernel(threads, from, to);
      kernelAll.add(GraderPrimes.millisSince(start));
      GraderPrimes.sink(sum);
    }

    /** The speedup between the fastest runs. */
    double speedup() {
      return sequential.best() / parallel.best();
    }

    /** The kernel's speedup between its fastest runs: the calibrated limit. */
    double limit() {
      return kernelOne.best() / kernelAll.best();
    }

    /**
     * The median, over the rounds whose kernel reached at least {@value #LEAST_LIMIT}x, of the
     * round's speedup divided by the round's kernel speedup, each from runs taken side by side: a
     * second view of the same efficiency, which a busy moment distorts differently from the
     * fastest runs. Zero when fewer than three rounds qualify.
     */
    double roundEfficiency() {
      double[] efficiencies = new double[sequential.size()];
      int qualifying = 0;
      for (int i = 0; i < efficiencies.length; i++) {
        double roundLimit = kernelOne.get(i) / kernelAll.get(i);
        if (roundLimit >= LEAST_LIMIT) {
          efficiencies[qualifying++] = (sequential.get(i) / parallel.get(i)) / roundLimit;
        }
      }
      return qualifying < 3 ? 0 : Series.median(Arrays.copyOf(efficiencies, qualifying));
    }

    /**
     * The speedup credited to the submission: the better of the two views, as a speedup against
     * the calibrated limit. Noise only ever hides speed, so the check gives the benefit of the
     * doubt; a sequential or badly split solution is far below in both.
     */
    double creditedSpeedup() {
      return Math.max(speedup(), roundEfficiency() * limit());
    }

    double noise() {
      return Series.worstSpread(sequential, parallel, kernelOne, kernelAll);
    }
  }

  private static void requireRight(long from, long to, int cores, long got, long expected) {
    Feedback.of("countParallel gave a wrong count while its speed was measured")
        .measured("countParallel(" + from + ", " + to + ", " + cores + ") = " + got)
        .required(String.valueOf(expected))
        .tryNext("a fast wrong answer earns nothing: make the correctness checks pass first")
        .failUnless(got == expected);
  }

  /** The range length whose sequential count takes about {@value #TARGET_MILLIS} ms here. */
  private static long rangeLength(int cores) {
    long probeFrom = LOWEST + SPREAD / 2;
    long probe = 20_000;
    for (int i = 0; i < 4; i++) {
      GraderPrimes.count(probeFrom, probeFrom + probe);
      PrimeCounter.countParallel(probeFrom, probeFrom + probe, cores);
      GraderPrimes.kernel(cores, probeFrom, probeFrom + probe / cores);
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
