package forklab.primes;

/** MUTANT sequential: sequential work under a parallel name */
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

  /** Counts on the calling thread whatever {@code threads} says. */
  public static long countParallel(long fromInclusive, long toExclusive, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    return countSequential(fromInclusive, toExclusive);
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
