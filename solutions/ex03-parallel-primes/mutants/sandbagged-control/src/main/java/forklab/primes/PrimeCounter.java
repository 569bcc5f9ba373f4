package forklab.primes;

import java.util.Arrays;

/** MUTANT sandbagged-control: a fast sequential sieve, and slow trial division when threads == 1 */
public final class PrimeCounter {
  static final int BLOCK = 1024;

  /** Numbers sieved at a time. */
  private static final int SEGMENT = 1 << 20;

  /** Above this square root the sieve's table of small primes would not pay; trial division then. */
  private static final long SIEVE_ROOT = 1L << 24;

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

  /**
   * The same count: by the slow trial division when asked for one thread (the grader's control
   * run), by a fast sieve on the calling thread otherwise. No thread is ever started.
   */
  public static long countParallel(long fromInclusive, long toExclusive, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (threads == 1) {
      return countSequential(fromInclusive, toExclusive);
    }
    return sieve(fromInclusive, toExclusive);
  }

  /** A segmented sieve of Eratosthenes over [from, to), on the calling thread. */
  static long sieve(long fromInclusive, long toExclusive) {
    long start = Math.max(fromInclusive, 2);
    if (start >= toExclusive) {
      return 0;
    }
    long root = (long) Math.sqrt((double) (toExclusive - 1)) + 1;
    if (root > SIEVE_ROOT) {
      return countSequential(fromInclusive, toExclusive);
    }
    int[] primes = primesUpTo((int) root);
    boolean[] composite = new boolean[(int) Math.min(SEGMENT, toExclusive - start)];
    long count = 0;
    for (long lo = start; lo < toExclusive; lo += SEGMENT) {
      int size = (int) Math.min(SEGMENT, toExclusive - lo);
      Arrays.fill(composite, 0, size, false);
      for (int p : primes) {
        long square = (long) p * p;
        if (square >= lo + size) {
          break;
        }
        long first = Math.max(square, (lo + p - 1) / p * p);
        for (long m = first; m < lo + size; m += p) {
          composite[(int) (m - lo)] = true;
        }
      }
      for (int i = 0; i < size; i++) {
        if (!composite[i]) {
          count++;
        }
      }
    }
    return count;
  }

  /** The primes up to {@code limit}, by the plain sieve. */
  private static int[] primesUpTo(int limit) {
    boolean[] composite = new boolean[limit + 1];
    int[] primes = new int[limit + 1];
    int found = 0;
    for (int n = 2; n <= limit; n++) {
      if (!composite[n]) {
        primes[found++] = n;
        for (long m = (long) n * n; m <= limit; m += n) {
          composite[(int) m] = true;
        }
      }
    }
    return Arrays.copyOf(primes, found);
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
