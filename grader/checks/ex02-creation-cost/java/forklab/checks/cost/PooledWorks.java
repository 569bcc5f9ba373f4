package forklab.checks.cost;

import forklab.api.Gate;
import forklab.cost.CreationCost;
import java.time.Duration;

/** The gate of the goals on pooled: it runs every task once and returns a Duration. */
final class PooledWorks implements Gate {
  private static final int TASKS = 200;
  private static final int POOL_SIZE = 3;

  @Override
  public String method() {
    return "pooled";
  }

  @Override
  public void check() {
    Tasks tasks = new Tasks(TASKS);
    Duration took = CreationCost.pooled(tasks.list(), POOL_SIZE);
    String wrong = tasks.wrongRuns();
    if (!wrong.isEmpty()) {
      throw new AssertionError(
          "when pooled(" + TASKS + " tasks, " + POOL_SIZE + ") returned, " + wrong);
    }
    if (took == null || took.isNegative()) {
      throw new AssertionError("pooled(" + TASKS + " tasks, " + POOL_SIZE + ") returned " + took);
    }
  }
}
