package forklab.checks.server;

/** The grader's own count of primes, to check the servers' answers against. */
final class Primes {
  private Primes() {}

  /** The number of primes below {@code n}: a plain sieve of Eratosthenes. */
  static int below(int n) {
    if (n <= 2) {
      return 0;
    }
    boolean[] composite = new boolean[n];
    int count = 0;
    for (int i = 2; i < n; i++) {
      if (!composite[i]) {
        count++;
        for (long j = (long) i * i; j < n; j += i) {
          composite[(int) j] = true;
        }
      }
    }
    return count;
  }
}
