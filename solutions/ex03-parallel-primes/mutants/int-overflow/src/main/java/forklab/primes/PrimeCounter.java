package forklab.primes;

import java.util.concurrent.atomic.AtomicInteger;

/** MUTANT int-overflow: numbers kept in int, wrong past 2^31 */
public final class PrimeCounter {
  static final int BLOCK = 1024;

  private PrimeCounter() {}

  /**
   * The number of primes {@code p} with {@code fromInclusive <= p < toExclusive}, by trial division
   * on the calling thread. An empty or inverted range has none; numbers below 2 are not prime.
   */
  public static long countSequential(long fromInclusive, long toExclusive) {
    long count = 0;
    for (long n = Math.max(fromInclusive, 2); n < toExclusive; n++) {
      if (isPrime(n)) {
        count++;
      }
    }
    return count;
  }

  /** Dynamic blocks, but numbers are kept in ints ("primes are small anyway"). */
  public static long countParallel(long fromInclusive, long toExclusive, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    int start = (int) Math.max(fromInclusive, 2);
    int end = (int) toExclusive;
    if (toExclusive <= 2 || start >= end) {
      return 0;
    }
    int blocks = (end - start + BLOCK - 1) / BLOCK;
    AtomicInteger nextBlock = new AtomicInteger();
    long[] counts = new long[threads];
    Thread[] pool = new Thread[threads];
    for (int w = 0; w < threads; w++) {
      int slot = w;
      pool[w] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    long found = 0;
                    for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
                      int lo = start + b * BLOCK;
                      int hi = Math.min(lo + BLOCK, end);
                      for (int n = lo; n < hi; n++) {
                        if (isPrime(n)) {
                          found++;
                        }
                      }
                    }
                    counts[slot] = found;
                  });
    }
    long total = 0;
    for (int w = 0; w < threads; w++) {
      try {
        pool[w].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      total += counts[w];
    }
    return total;
  }

  /** Trial division by 2 and the odd numbers up to the square root; {@code d <= n / d} cannot overflow. */
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
}
