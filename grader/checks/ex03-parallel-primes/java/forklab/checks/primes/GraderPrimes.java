package forklab.checks.primes;

import forklab.api.watch.Uninterruptibly;
import java.util.Locale;

/**
 * The grader's own prime counting: the checks never trust the submission's countSequential. Also
 * the yardstick of the load-balance check (equal slices) and of the gate {@link CountParallelWorks}.
 */
final class GraderPrimes {
  private GraderPrimes() {}

  static boolean isPrime(long n) {
    if (n < 2) {
      return false;
    }
    if (n < 4) {
      return true;
    }
    if (n % 2 == 0) {
      return false;
    }
    for (long d = 3; d <= n / d; d += 2) {
      if (n % d == 0) {
        return false;
      }
    }
    return true;
  }

  /** Primes in [from, to) on the calling thread. */
  static long count(long from, long to) {
    long count = 0;
    for (long n = Math.max(from, 2); n < to; n++) {
      if (isPrime(n)) {
        count++;
      }
    }
    return count;
  }

  /** Primes in [from, to) by {@code threads} threads, each given one equal contiguous slice. */
  static long countEqualSlices(long from, long to, int threads) {
    long start = Math.max(from, 2);
    if (start >= to) {
      return 0;
    }
    long length = to - start;
    return runAll(
        threads,
        worker ->
            count(start + length * worker / threads, start + length * (worker + 1) / threads));
  }

  interface Work {
    long run(int worker);
  }

  /** Runs {@code work} on {@code threads} new platform threads, joins them all, sums the results. */
  static long runAll(int threads, Work work) {
    long[] results = new long[threads];
    Thread[] pool = new Thread[threads];
    for (int w = 0; w < threads; w++) {
      int worker = w;
      pool[w] =
          Thread.ofPlatform()
              .name("grader-yardstick-", w)
              .start(() -> results[worker] = work.run(worker));
    }
    long total = 0;
    for (int w = 0; w < threads; w++) {
      Uninterruptibly.join(pool[w]);
      total += results[w];
    }
    return total;
  }


  /** Milliseconds since {@code startNanos}. */
  static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  /** {@code value} with two decimals, for messages. */
  static String two(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
