package forklab.api;

/**
 * What the code under test must get right before a check of another goal may judge it: a speedup, a
 * load balance or a clean architecture only count for code that gives right answers. Declare it
 * with {@link Gated}; a gate is a class with a no-argument constructor.
 *
 * <pre>{@code
 * final class CountParallelWorks implements Gate {
 *   public String method() { return "countParallel"; }
 *
 *   public void check() {
 *     long got = PrimeCounter.countParallel(0, 1_000, 2);
 *     if (got != 168) {
 *       throw new AssertionError("countParallel(0, 1000, 2) = " + got + " instead of 168");
 *     }
 *   }
 * }
 * }</pre>
 */
public interface Gate {
  /** The method that must work first, as students know it, for example {@code countParallel}. */
  String method();

  /**
   * Returns when the method works; otherwise throws an {@link AssertionError} whose message says
   * why in one short sentence (any other exception counts as the student's code throwing it).
   */
  void check() throws Exception;
}
