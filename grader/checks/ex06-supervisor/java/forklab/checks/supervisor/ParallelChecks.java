package forklab.checks.supervisor;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measured;
import forklab.api.Measurement;
import forklab.api.watch.Descendants;
import forklab.api.watch.SandboxProcesses;
import forklab.checks.supervisor.Runs.Expected;
import forklab.checks.supervisor.Runs.Run;
import forklab.fixtures.supervisor.Naps;
import forklab.supervisor.Status;
import forklab.supervisor.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Tasks run in parallel, C at once and never more: 2C tasks that each sleep 1.2 s, and a watch on
 * this JVM's child processes every 10 ms. Counting processes, not timing them, keeps the verdict
 * the same on a busy machine.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ParallelChecks {
  @AfterEach
  void killLeftovers() {
    SandboxProcesses.killAll();
  }

  @Test
  @Check(
      goal = Goal.SPEEDUP,
      points = 2,
      name = "tasks run in parallel: C child JVMs at once, never more")
  void cAtOnce(Random random, TestReporter reporter) throws Exception {
    int c = Runs.concurrency();
    if (c < 2) {
      Measured.notJudgedHere(
          "this machine gives the check 1 CPU, so C = 1: one task at a time is right here");
    }
    String input = Runs.input(random);
    List<Class<? extends Task>> tasks = Collections.nCopies(2 * c, Naps.class);
    List<Expected> expected = new ArrayList<>();
    for (Class<? extends Task> task : tasks) {
      expected.add(Expected.of(task, Status.OK, Expectations.okOutput(task, input), 0));
    }
    Run run;
    int peak;
    int seen;
    try (Descendants.Watch watch = Descendants.Watch.start(Duration.ofMillis(10))) {
      run = Runs.runAll(tasks, input, OutcomeChecks.HEAP_MB);
      peak = watch.peak();
      seen = watch.seen().size();
    }
    List<String> wrong = Runs.mismatches(expected, run.outcomes());
    long sequential = 2L * c * NAP_MILLIS;
    Measurement.of(peak, "processes")
        .atLeast(c)
        .limit("C", c)
        .detail("runAll", Runs.number(run.millis()) + " ms for " + 2 * c + " tasks of 1.2 s")
        .detail("one at a time", "at least " + Runs.number(sequential) + " ms")
        .detail("processes seen", seen)
        .publish(reporter);
    Feedback.of(2 * c + " tasks that sleep 1.2 s each must run " + c + " at a time")
        .measured(
            "at most "
                + peak
                + " child process(es) alive at once ("
                + seen
                + " seen in all); runAll took "
                + Runs.number(run.millis())
                + " ms"
                + (wrong.isEmpty() ? "" : "; and " + Runs.shorten(wrong, 2)))
        .required(
            "exactly C = "
                + c
                + " at once (Runtime.getRuntime().availableProcessors()), never more, every"
                + " outcome OK")
        .tryNext(
            peak < c
                ? "start the next task while others still run: submit one job per task to"
                    + " Executors.newFixedThreadPool(C), each starting and waiting for its own"
                    + " child, and collect the futures in task order"
                : "never more than C: a fixed pool of C threads, each running one child at a"
                    + " time, is the simplest bound; starting every task at once overloads the"
                    + " machine")
        .failUnless(peak == c && wrong.isEmpty());
  }

  private static final long NAP_MILLIS = 1_200;
}
