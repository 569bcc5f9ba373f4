package forklab.checks.cost;

import forklab.api.Gate;
import forklab.cost.CreationCost;
import java.time.Duration;

/** The gate of the goals on threadPerTask: it runs every task once and returns a Duration. */
final class ThreadPerTaskWorks implements Gate {
  private static final int TASKS = 200;

  @Override
  public String method() {
    return "threadPerTask";
  }

  @Override
  public void check() {
    Tasks tasks = new Tasks(TASKS);
    Duration took = CreationCost.threadPerTask(tasks.list());
    String wrong = tasks.wrongRuns();
    if (!wrong.isEmpty()) {
      throw new AssertionError("when threadPerTask(" + TASKS + " tasks) returned, " + wrong);
    }
    if (took == null || took.isNegative()) {
      throw new AssertionError("threadPerTask(" + TASKS + " tasks) returned " + took);
    }
  }
}
