package forklab.checks.shm;

import forklab.api.Gate;
import forklab.shm.SharedCounter;
import java.nio.file.Path;

/**
 * The gate of the timed goal: both counters already give exact totals on small counts. A ratio of
 * costs only counts for code that counts right.
 */
final class CountersWork implements Gate {
  @Override
  public String method() {
    return "incrementWithThreads and incrementWithProcesses";
  }

  @Override
  public void check() throws Exception {
    long threads = SharedCounter.incrementWithThreads(2, 1_000);
    if (threads != 2_000) {
      throw new AssertionError("incrementWithThreads(2, 1000) = " + threads + " instead of 2000");
    }
    Path folder = Scratch.folder();
    try {
      long processes =
          SharedCounter.incrementWithProcesses(folder.resolve(Scratch.COUNTER), 2, 1_000);
      if (processes != 2_000) {
        throw new AssertionError(
            "incrementWithProcesses(file, 2, 1000) = " + processes + " instead of 2000");
      }
    } finally {
      Scratch.delete(folder);
    }
  }
}
