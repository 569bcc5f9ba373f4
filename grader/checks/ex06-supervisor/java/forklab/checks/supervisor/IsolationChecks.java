package forklab.checks.supervisor;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.api.watch.SandboxProcesses;
import forklab.checks.supervisor.Runs.Expected;
import forklab.checks.supervisor.Runs.Run;
import forklab.fixtures.supervisor.Detaches;
import forklab.fixtures.supervisor.DetachesAndHangs;
import forklab.fixtures.supervisor.Exits;
import forklab.fixtures.supervisor.Halts;
import forklab.fixtures.supervisor.Hoards;
import forklab.fixtures.supervisor.Loops;
import forklab.fixtures.supervisor.Multiline;
import forklab.fixtures.supervisor.Overflows;
import forklab.fixtures.supervisor.Reverse;
import forklab.fixtures.supervisor.Throws;
import forklab.fixtures.supervisor.WhoAmI;
import forklab.supervisor.Outcome;
import forklab.supervisor.Status;
import forklab.supervisor.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * What processes give and threads cannot: a JVM of its own per task, a supervisor that survives
 * any mix of tasks, and no process left behind, however a task tries to hide one.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class IsolationChecks {
  /** How long the processes a runAll leaves may take to die once it has returned. */
  private static final Duration GRACE = Duration.ofSeconds(1);

  @AfterEach
  void killLeftovers() {
    SandboxProcesses.killAll();
  }

  @Test
  @Check(
      goal = Goal.ISOLATION,
      points = 2,
      name = "each task runs in a child JVM of its own")
  void ownJvm(Random random) throws Exception {
    String input = Runs.input(random);
    List<Class<? extends Task>> tasks = List.of(WhoAmI.class, WhoAmI.class, WhoAmI.class);
    Run run = Runs.runAll(tasks, input, OutcomeChecks.HEAP_MB);
    long self = ProcessHandle.current().pid();
    List<String> wrong = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    Set<Long> pids = new HashSet<>();
    for (Outcome outcome : run.outcomes()) {
      String[] parts = outcome.output() == null ? new String[0] : outcome.output().split(" ");
      if (outcome.status() != Status.OK
          || parts.length != 3
          || !parts[2].equals(Integer.toString(Runs.code(input)))) {
        wrong.add("WhoAmI should be OK with \"<pid> <parent pid> <code>\": " + Runs.describe(outcome));
        continue;
      }
      long pid = Long.parseLong(parts[0]);
      seen.add("pid " + pid + " (parent " + parts[1] + ")");
      if (pid == self) {
        wrong.add("WhoAmI ran in pid " + pid + ", the supervisor's own JVM");
      } else if (!pids.add(pid)) {
        wrong.add("two tasks ran in the same process, pid " + pid);
      }
    }
    Feedback.of("every task must run in a child JVM of its own, apart from the supervisor's")
        .measured(
            (wrong.isEmpty() ? "" : Runs.shorten(wrong, 3) + "; ")
                + "the supervisor's JVM is pid "
                + self
                + ", the tasks ran in "
                + (seen.isEmpty() ? "?" : String.join(", ", seen)))
        .required("3 WhoAmI tasks in 3 processes, none of them pid " + self)
        .tryNext(
            "start one child JVM per task: new ProcessBuilder(<java of this JVM>, \"-cp\","
                + " System.getProperty(\"java.class.path\"), \"forklab.supervisor.TaskMain\","
                + " task.getName()).start(); a thread, or one JVM for all tasks, shares whatever"
                + " a task breaks")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.ISOLATION,
      points = 2,
      name = "whatever the tasks of one runAll do, the supervisor survives and classifies each one")
  void survivesEverything(Random random) throws Exception {
    String input = Runs.input(random);
    int code = Runs.code(input);
    List<Class<? extends Task>> tasks =
        Runs.shuffled(
            List.of(
                Reverse.class,
                Exits.class,
                Throws.class,
                Hoards.class,
                Loops.class,
                Halts.class,
                Overflows.class,
                Multiline.class),
            random);
    List<Expected> expected = new ArrayList<>();
    for (Class<? extends Task> task : tasks) {
      Expected want;
      if (task == Reverse.class || task == Multiline.class) {
        want = Expected.of(task, Status.OK, Expectations.okOutput(task, input), 0);
      } else if (task == Throws.class || task == Overflows.class) {
        want = Expected.of(task, Status.FAILED, Expectations.failure(task, input), 0);
      } else if (task == Exits.class) {
        want = Expected.of(task, Status.CRASHED, "", code);
      } else if (task == Halts.class) {
        want = Expected.of(task, Status.CRASHED, "", 128 - code);
      } else if (task == Hoards.class) {
        want = Expected.of(task, Status.OUT_OF_MEMORY, "", null);
      } else {
        want = Expected.of(task, Status.TIMED_OUT, "", -1);
      }
      expected.add(want);
    }
    Run run = Runs.runAll(tasks, input, OutcomeChecks.HEAP_MB);
    List<String> wrong = Runs.mismatches(expected, run.outcomes());
    Feedback.of(
            "one runAll of "
                + tasks.size()
                + " tasks that return, throw, exit, halt, overflow their stack, exhaust their heap"
                + " and loop must survive all of them and classify each one")
        .measured(
            (wrong.isEmpty() ? "every outcome right" : Runs.shorten(wrong, 4))
                + "; the supervisor's JVM (pid "
                + ProcessHandle.current().pid()
                + ") is still running")
        .required(
            "each outcome right, in task order, and the supervisor's JVM alive: OK for Reverse"
                + " and Multiline, FAILED for Throws and Overflows, CRASHED for Exits and Halts,"
                + " OUT_OF_MEMORY for Hoards, TIMED_OUT for Loops")
        .tryNext(
            "each failure belongs to its task alone: a task's child JVM can only end, it cannot"
                + " take the supervisor's JVM or the other tasks with it; look at the check of the"
                + " status that came out wrong")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.ISOLATION,
      points = 3,
      name =
          "no process is left behind, not even grandchildren that detached with setsid and"
              + " ignore SIGTERM")
  void nothingLeftBehind(Random random, TestReporter reporter) throws Exception {
    String input = Runs.input(random);
    List<Class<? extends Task>> tasks =
        Runs.shuffled(List.of(Detaches.class, DetachesAndHangs.class), random);
    Set<Long> before = SandboxProcesses.others();
    Run run = Runs.runAll(tasks, input, OutcomeChecks.HEAP_MB);
    Set<Long> left = SandboxProcesses.survivorsAfter(before, GRACE);
    List<String> described = left.stream().map(SandboxProcesses::describe).toList();
    Measurement.of(left.size(), "processes")
        .atMost(0)
        .detail("left", described.isEmpty() ? "none" : String.join("; ", described))
        .detail("outcomes", Runs.describeAll(run.outcomes()))
        .detail(
            "seen",
            SandboxProcesses.seesWholeSandbox()
                ? "every process of the sandbox, orphans included"
                : "this JVM's descendants only (no sandbox: orphans re-parented to init are not"
                    + " seen)")
        .publish(reporter);
    Feedback.of(
            "after runAll, no process that a task started may be alive: not its JVM, not what it"
                + " started, even in a session of its own")
        .measured(
            left.size()
                + " process(es) alive "
                + GRACE.toMillis()
                + " ms after runAll returned: "
                + (described.isEmpty() ? "none" : Runs.shorten(described, 4))
                + " (tasks: Detaches, which starts two sleepers that ignore SIGTERM, one with"
                + " setsid and one that detached twice and belongs to init at once, then returns;"
                + " DetachesAndHangs, which starts the same two and never ends)")
        .required("none, within " + GRACE.toMillis() + " ms of the return")
        .tryNext(
            "kill with destroyForcibly() (SIGKILL), never destroy() alone: these sleepers ignore"
                + " SIGTERM. process.descendants() misses a process once its parent died: collect"
                + " it before you kill the child, and find the ones that left the tree by a mark"
                + " they inherit, e.g. an environment variable with a token of your own that you"
                + " look for in /proc/<pid>/environ of every process; do it whether the task timed"
                + " out or ended by itself")
        .failUnless(left.isEmpty());
  }
}
