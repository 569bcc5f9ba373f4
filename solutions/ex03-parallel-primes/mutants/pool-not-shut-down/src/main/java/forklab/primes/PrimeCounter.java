package forklab.primes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** MUTANT pool-not-shut-down: the thread pool is never shut down */
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

  /** A fixed pool runs one task per block, but is never shut down. */
  public static long countParallel(long fromInclusive, long toExclusive, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    long start = Math.max(fromInclusive, 2);
    if (start >= toExclusive) {
      return 0;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> parts = new ArrayList<>();
    for (long lo = start; lo < toExclusive; lo += Math.min(BLOCK, toExclusive - lo)) {
      long from = lo;
      long to = lo + Math.min(BLOCK, toExclusive - lo);
      parts.add(pool.submit(() -> countSequential(from, to)));
    }
    long total = 0;
    try {
      for (Future<Long> part : parts) {
        total += part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
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
