package forklab.checks.primes;

import forklab.api.Gate;
import forklab.primes.PrimeCounter;

/**
 * The gate of every goal but correctness: countParallel already gives right answers on a few small
 * ranges. A speedup, a balance, no threads left or no parallel streams only count for code that
 * works.
 */
final class CountParallelWorks implements Gate {
  @Override
  public String method() {
    return "countParallel";
  }

  @Override
  public void check() {
    long[][] cases = {{0, 1_000, 2}, {0, 20_000, 4}, {1_000_000, 1_010_000, 3}}; // no prime at either end
    for (long[] c : cases) {
      String call = "countParallel(" + c[0] + ", " + c[1] + ", " + c[2] + ")";
      long expected = GraderPrimes.count(c[0], c[1]);
      long got;
      try {
        got = PrimeCounter.countParallel(c[0], c[1], (int) c[2]);
      } catch (UnsupportedOperationException todo) {
        throw todo; // the gate words a TODO itself
      } catch (RuntimeException e) {
        throw new AssertionError(call + " threw " + e + " instead of returning " + expected);
      }
      if (got != expected) {
        throw new AssertionError(call + " = " + got + " instead of " + expected);
      }
    }
  }
}
