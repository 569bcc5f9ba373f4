package forklab.primes;

/**
 * Counts primes in a range of {@code long} numbers, on one thread or on several.
 *
 * <p>{@link #countSequential(long, long)} is given and must not change. Your task is {@link
 * #countParallel(long, long, int)}: see the exercise's README.md.
 */
public final class PrimeCounter {
  private PrimeCounter() {}

  /**
   * The number of primes {@code p} with {@code fromInclusive <= p < toExclusive}, by trial division
   * on the calling thread. An empty or inverted range has none; numbers below 2 are not prime.
   * Given: do not change it.
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

  /**
   * The same count as {@link #countSequential(long, long)}, computed by {@code threads} threads
   * that share the work so that all of them stay busy until the end. Every thread this method
   * starts has ended when it returns.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static long countParallel(long fromInclusive, long toExclusive, int threads) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Whether {@code n} is prime: trial division by 2 and by the odd numbers up to the square root.
   * The test {@code d <= n / d} is {@code d * d <= n} without overflow, so it is right for every
   * {@code long}, also beyond 2^31. Given: you may call it from your threads.
   */
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
