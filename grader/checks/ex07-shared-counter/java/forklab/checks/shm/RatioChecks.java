package forklab.checks.shm;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.api.speedup.RatioJudge;
import forklab.api.watch.Descendants;
import forklab.shm.SharedCounter;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The lesson on the cost of sharing: an increment of the thread counter (an atomic instruction or
 * an uncontended lock in one address space) against one of the process counter (a JVM start per
 * child, and two system calls per increment for the file lock), each whole call's time divided by
 * its increments, start-up included. Judged by the {@link RatioJudge} in interleaved rounds.
 */
@Checks
@Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class RatioChecks {
  /** An increment by a thread must be at least this many times cheaper. */
  static final double FACTOR = 10;

  /** Incrementers on each side: two threads against two child processes. */
  private static final int INCREMENTERS = 2;

  private Path folder;

  @AfterEach
  void cleanUp() {
    Descendants.killAll();
    Scratch.delete(folder);
  }

  @Test
  @Check(
      goal = Goal.SPEEDUP,
      points = 3,
      name =
          "an increment by a thread is at least 10x cheaper than one by a child process, start-up"
              + " included")
  @Gated(CountersWork.class)
  void threadsAreTenTimesCheaper(Random random, TestReporter reporter) throws Exception {
    folder = Scratch.folder();
    Path file = folder.resolve(Scratch.COUNTER);
    int each = 10_000 + random.nextInt(10_001);
    long total = (long) INCREMENTERS * each;
    RatioJudge.Result result =
        RatioJudge.<Long>builder()
            .cheaper(
                "an increment by a thread",
                total,
                () ->
                    exact(
                        "incrementWithThreads(" + INCREMENTERS + ", " + each + ")",
                        SharedCounter.incrementWithThreads(INCREMENTERS, each),
                        total))
            .than(
                "an increment by a child process",
                total,
                () ->
                    exact(
                        "incrementWithProcesses(file, " + INCREMENTERS + ", " + each + ")",
                        SharedCounter.incrementWithProcesses(file, INCREMENTERS, each),
                        total))
            .atLeast(FACTOR)
            .rounds(5, 11)
            .random(random)
            .judge();
    result.publish(reporter);
    result.assertPassed();
  }

  /** The total, once it is checked: a cost only counts for a right answer. */
  private static long exact(String call, long got, long expected) {
    Feedback.of("a wrong total while the costs were measured")
        .measured(call + " = " + Scratch.number(got))
        .required(Scratch.number(expected))
        .tryNext("make the correctness and lost-update checks pass first")
        .failUnless(got == expected);
    return got;
  }
}
