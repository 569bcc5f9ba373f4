package forklab.pipes;

/**
 * The program each worker JVM of a {@link ProcessPool} runs: it reads one decimal number n per line
 * from its stdin and, for each, writes one line to its stdout: the count of primes below n. It ends
 * when its stdin ends.
 */
public final class PipeWorker {
  private PipeWorker() {}

  public static void main(String[] args) throws Exception {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Given: the number of primes p with p &lt; n, by trial division of each candidate. The grader's
   * own count works the same way, so keep it (the speedup check sizes its batches by it).
   */
  static long countPrimesBelow(long n) {
    long count = 0;
    for (long k = 2; k < n; k++) {
      if (isPrime(k)) {
        count++;
      }
    }
    return count;
  }

  private static boolean isPrime(long k) {
    if (k < 4) {
      return k >= 2;
    }
    if (k % 2 == 0) {
      return false;
    }
    for (long d = 3; d <= k / d; d += 2) {
      if (k % d == 0) {
        return false;
      }
    }
    return true;
  }
}
