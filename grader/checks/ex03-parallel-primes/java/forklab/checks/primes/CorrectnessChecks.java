package forklab.checks.primes;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.primes.PrimeCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

/**
 * Hidden correctness checks of ex03-parallel-primes: every answer is compared with the grader's own
 * sequential count, never with the submission's countSequential.
 */
@Checks
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class CorrectnessChecks {
  private static final long TWO_TO_31 = 1L << 31;

  /** One call of countParallel and what it should have answered. */
  private record Case(long from, long to, int threads) {
    String call() {
      return "countParallel(" + from + ", " + to + ", " + threads + ")";
    }
  }

  @Test
  @Check(goal = Goal.CORRECTNESS, points = 1, name = "empty and inverted ranges count no primes")
  void emptyAndInvertedRangesCountNoPrimes() {
    List<Case> cases =
        List.of(
            new Case(10, 10, 1),
            new Case(7, 7, 4),
            new Case(100, 10, 2),
            new Case(1_000_000, 0, 8),
            new Case(TWO_TO_31 + 11, TWO_TO_31 - 11, 3),
            new Case(Long.MAX_VALUE, Long.MIN_VALUE, 2),
            new Case(Long.MAX_VALUE, Long.MAX_VALUE, 4),
            new Case(0, -100, 2));
    expectAll(
        "countParallel on empty and inverted ranges",
        cases,
        "a range [from, to) with from >= to is empty: return 0 before you start any thread");
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name = "negative numbers, 0 and 1 are not prime, and 2 is")
  void negativesZeroOneAndTwo() {
    List<Case> cases =
        List.of(
            new Case(0, 2, 1),
            new Case(0, 2, 4),
            new Case(1, 2, 2),
            new Case(2, 3, 1),
            new Case(2, 3, 4),
            new Case(0, 3, 2),
            new Case(2, 4, 2),
            new Case(-100, 0, 2),
            new Case(-100, 3, 3),
            new Case(-7, 100, 4),
            new Case(-10_000_000, 10, 2),
            new Case(-1_000_000, 1_000, 8));
    expectAll(
        "countParallel around 0, 1 and 2 and on ranges starting below 0",
        cases,
        "numbers below 2 are not prime; start at max(from, 2) as countSequential does, and check"
            + " that each thread's slice ends where the next one begins");
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "ranges crossing 2^31 and beyond count right (no int overflow)")
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void rangesCrossingTwoToThe31() {
    List<Case> cases = new ArrayList<>();
    for (int threads = 1; threads <= 4; threads++) {
      cases.add(new Case(TWO_TO_31 - 1_000, TWO_TO_31 + 1_000, threads));
    }
    cases.add(new Case(TWO_TO_31 - 20_000, TWO_TO_31 + 20_000, 2));
    cases.add(new Case(TWO_TO_31 - 1, TWO_TO_31 + 1, 2));
    cases.add(new Case(TWO_TO_31 + 5_000, TWO_TO_31 + 9_000, 3));
    cases.add(new Case((1L << 32) - 1_500, (1L << 32) + 1_500, 4));
    cases.add(new Case(3_000_000_000L, 3_000_004_000L, 2));
    cases.add(new Case((1L << 36) - 700, (1L << 36) + 700, 2));
    expectAll(
        "countParallel on ranges around and above 2^31 = " + TWO_TO_31,
        cases,
        "keep every number, bound and slice size in long arithmetic; an int (or a cast to int)"
            + " wraps to negative past 2,147,483,647");
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "every thread count from 1 to 8, and more threads than numbers, give the same count")
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void everyThreadCountGivesTheSameCount() {
    List<Case> cases = new ArrayList<>();
    for (int threads = 1; threads <= 8; threads++) {
      cases.add(new Case(0, 50_000, threads));
      cases.add(new Case(7, 10_007, threads));
      cases.add(new Case(1_000_003, 1_020_011, threads));
    }
    cases.add(new Case(2, 5, 16));
    cases.add(new Case(0, 3, 64));
    cases.add(new Case(97, 98, 200));
    cases.add(new Case(89, 102, 13));
    cases.add(new Case(1_000, 1_010, 100));
    expectAll(
        "countParallel with 1 to 8 threads, and with more threads than numbers",
        cases,
        "split [from, to) so that the slices cover every number exactly once whatever the number"
            + " of threads; with more threads than numbers some threads simply get no work");
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "random ranges agree with the grader's own count")
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void randomRangesAgreeWithTheGradersCount(Random random) {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long from = random.nextLong(20_000);
      cases.add(new Case(from, from + random.nextLong(1, 20_000), random.nextInt(1, 9)));
    }
    for (int i = 0; i < 8; i++) {
      long from = random.nextLong(1_000_000, 50_000_000);
      cases.add(new Case(from, from + random.nextLong(1, 30_000), random.nextInt(1, 9)));
    }
    for (int i = 0; i < 6; i++) {
      long from = random.nextLong(TWO_TO_31 - 50_000, 1L << 34);
      cases.add(new Case(from, from + random.nextLong(1, 2_000), random.nextInt(1, 9)));
    }
    for (int i = 0; i < 4; i++) {
      long from = -random.nextLong(1, 1_000_000);
      cases.add(new Case(from, random.nextLong(-10, 20_000), random.nextInt(1, 9)));
    }
    expectAll(
        "countParallel on random ranges",
        cases,
        "replay the failing call above with countSequential beside it; look at where one thread's"
            + " slice ends and the next one begins");
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name = "fewer than one thread is refused with IllegalArgumentException")
  void fewerThanOneThreadIsRefused() {
    for (int threads : new int[] {0, -1, Integer.MIN_VALUE}) {
      String call = "countParallel(0, 1000, " + threads + ")";
      Feedback feedback =
          Feedback.of("countParallel with fewer than one thread")
              .required("an IllegalArgumentException, before any thread is started")
              .tryNext("check threads < 1 first thing in countParallel and throw"
                  + " new IllegalArgumentException(...) with a message that names the value");
      try {
        long got = PrimeCounter.countParallel(0, 1_000, threads);
        throw feedback.measured(call + " returned " + got).fail();
      } catch (IllegalArgumentException expected) {
        // right
      } catch (RuntimeException other) {
        throw feedback.measured(call + " threw " + other).fail();
      }
    }
  }

  /** Calls countParallel for every case and fails with all the wrong answers, not just the first. */
  private static void expectAll(String what, List<Case> cases, String advice) {
    List<String> wrong = new ArrayList<>();
    for (Case c : cases) {
      long expected = GraderPrimes.count(c.from(), c.to());
      try {
        long got = PrimeCounter.countParallel(c.from(), c.to(), c.threads());
        if (got != expected) {
          wrong.add(c.call() + " = " + got + ", expected " + expected);
        }
      } catch (RuntimeException e) {
        wrong.add(c.call() + " threw " + e + ", expected " + expected);
      }
    }
    Feedback feedback =
        Feedback.of(what + ": " + wrong.size() + " of " + cases.size() + " calls were wrong");
    int shown = 0;
    for (String line : wrong) {
      if (shown++ == 6) {
        feedback.line("and", (wrong.size() - 6) + " more");
        break;
      }
      feedback.measured(line);
    }
    feedback
        .required("every count equal to the grader's own sequential count")
        .tryNext(advice)
        .failUnless(wrong.isEmpty());
  }
}
