package forklab.checks.pipes;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.api.Measured;
import forklab.api.speedup.SpeedupJudge;
import forklab.api.watch.Descendants;
import forklab.pipes.ProcessPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The speedup goal, judged by the calibrated {@link SpeedupJudge}: a pool of two workers against
 * the grader's own sequential count, with a pool of one worker as the control and the machine's
 * limit measured on a perfectly parallel kernel in the same rounds. Both pools are started and
 * warmed before anything is timed, so JVM start-up is not part of it; the CPU time of the worker
 * processes counts as the candidate's.
 */
@Checks
class SpeedupChecks {
  /** Share of the calibrated limit a pool of two workers must reach. */
  static final double SHARE = 0.8;

  private static final int WORKERS = 2;
  private static final long LOWEST = 150_000;
  private static final long SPREAD = 20_000;
  /**
   * The grader's sequential count of a batch takes about this long here: the 2-worker pool then
   * runs for about half of it, long enough that the workers' CPU clocks (in ticks of 10 ms) tell
   * how many CPUs they kept busy.
   */
  private static final double TARGET_MILLIS = 600;

  private ProcessPool two;
  private ProcessPool one;

  @AfterEach
  void cleanUp() {
    Pools.closeQuietly(two);
    Pools.closeQuietly(one);
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.SPEEDUP,
      points = 3,
      name =
          "2 workers over 1 on a large batch reach 0.8 of the machine's calibrated limit, start-up"
              + " excluded")
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @Gated(PoolWorks.class)
  void twoWorkersReachTheCalibratedLimit(Random random, TestReporter reporter) throws Exception {
    if (Runtime.getRuntime().availableProcessors() < WORKERS) {
      Measured.notJudgedHere(
          "this machine gives the check only "
              + Runtime.getRuntime().availableProcessors()
              + " CPU, so two workers cannot run at once here");
    }
    two = Pools.open(WORKERS);
    one = Pools.open(1);
    int size = batchSize();
    // Start-up excluded: the judge's warm-up rounds run both pools before it times anything.
    SpeedupJudge.Result result =
        SpeedupJudge.<List<String>, List<String>>builder()
            .threads(WORKERS)
            .goal(SHARE)
            .random(random)
            .childProcesses(true)
            .inputs(rng -> Pools.inputs(rng, size, LOWEST, LOWEST + SPREAD))
            .baseline(GraderPrimes::answers)
            .candidate(batch -> map(two, batch))
            .control(batch -> map(one, batch))
            .describeInput(batch -> "a batch of " + batch.size() + " n from " + LOWEST + " to " + (LOWEST + SPREAD))
            .judge();
    result.publish(reporter);
    result.assertPassed();
  }

  private static List<String> map(ProcessPool pool, List<String> batch) {
    try {
      return pool.map(batch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The number of inputs whose sequential count takes about {@value #TARGET_MILLIS} ms here. */
  private static int batchSize() {
    long probe = LOWEST + SPREAD / 2;
    for (int i = 0; i < 3; i++) {
      GraderPrimes.countBelow(probe);
    }
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      GraderPrimes.countBelow(probe);
      best = Math.min(best, (System.nanoTime() - start) / 1e6);
    }
    return (int) Math.clamp(Math.round(TARGET_MILLIS / Math.max(best, 0.1)), 8, 200);
  }
}
