package forklab.checks.supervisor;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.api.watch.SandboxProcesses;
import forklab.checks.supervisor.Runs.Expected;
import forklab.checks.supervisor.Runs.Run;
import forklab.fixtures.supervisor.Deadlocks;
import forklab.fixtures.supervisor.Digest;
import forklab.fixtures.supervisor.Exits;
import forklab.fixtures.supervisor.Floods;
import forklab.fixtures.supervisor.Halts;
import forklab.fixtures.supervisor.HeapSize;
import forklab.fixtures.supervisor.Hoards;
import forklab.fixtures.supervisor.KillsItself;
import forklab.fixtures.supervisor.Loops;
import forklab.fixtures.supervisor.Multiline;
import forklab.fixtures.supervisor.Overflows;
import forklab.fixtures.supervisor.Reverse;
import forklab.fixtures.supervisor.Throws;
import forklab.fixtures.supervisor.ThrowsChecked;
import forklab.supervisor.Outcome;
import forklab.supervisor.Status;
import forklab.supervisor.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Every way a task can end gets its status, its output and its exit code, exactly. */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class OutcomeChecks {
  /** The heap the checks give a child JVM unless they choose one at random. */
  static final int HEAP_MB = 64;

  @AfterEach
  void killLeftovers() {
    SandboxProcesses.killAll();
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "tasks that return are OK with their exact output and exit code 0, in task order")
  void returns(Random random) throws Exception {
    String input = Runs.input(random);
    List<Class<? extends Task>> kinds = List.of(Reverse.class, Multiline.class, Digest.class);
    List<Class<? extends Task>> tasks = new ArrayList<>(kinds);
    tasks.add(kinds.get(random.nextInt(kinds.size())));
    tasks.add(kinds.get(random.nextInt(kinds.size())));
    tasks = Runs.shuffled(tasks, random);
    List<Expected> expected = new ArrayList<>();
    for (Class<? extends Task> task : tasks) {
      expected.add(Expected.of(task, Status.OK, Expectations.okOutput(task, input), 0));
    }
    Run run = Runs.runAll(tasks, input, HEAP_MB);
    List<String> wrong = Runs.mismatches(expected, run.outcomes());
    Feedback.of("a task that returns must be OK, with its return value as output, exactly")
        .measured(wrong.isEmpty() ? "every outcome right" : Runs.shorten(wrong, 3))
        .required(
            "outcome i for tasks.get(i): task = its class's getName(), status OK, exit code 0,"
                + " output = run(input) to the last character (newlines, non-ASCII characters)")
        .tryNext(
            "send the return value back in a form no output can break: for example one line"
                + " '<STATUS> <Base64 of the UTF-8 bytes>' that only your child's main writes,"
                + " and send the task's own System.out elsewhere (System.setOut(System.err))")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name =
          "a task that throws, even a StackOverflowError, is FAILED with the exception's"
              + " toString() and exit code 0")
  void throwsIsFailed(Random random) throws Exception {
    String input = Runs.input(random);
    List<Class<? extends Task>> tasks =
        Runs.shuffled(List.of(Throws.class, ThrowsChecked.class, Overflows.class), random);
    List<Expected> expected = new ArrayList<>();
    for (Class<? extends Task> task : tasks) {
      expected.add(Expected.of(task, Status.FAILED, Expectations.failure(task, input), 0));
    }
    Run run = Runs.runAll(tasks, input, HEAP_MB);
    List<String> wrong = Runs.mismatches(expected, run.outcomes());
    Feedback.of("a task whose run throws must be FAILED, with the exception's toString() as output")
        .measured(wrong.isEmpty() ? "every outcome right" : Runs.shorten(wrong, 3))
        .required(
            "FAILED, exit code 0, output = the Throwable's toString() (\"java.lang.IllegalStateException:"
                + " cannot handle ...\"), for unchecked and checked exceptions and for a"
                + " StackOverflowError")
        .tryNext(
            "in the child's main, catch Throwable around task.run(input) (after a catch of"
                + " OutOfMemoryError), report FAILED with e.toString(), and end the JVM normally:"
                + " the exception is the task's, not the JVM's")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "System.exit, Runtime.halt and a kill signal are CRASHED with the child JVM's exit code")
  void crashes(Random random) throws Exception {
    String input = Runs.input(random);
    int code = Runs.code(input);
    List<Class<? extends Task>> tasks =
        Runs.shuffled(List.of(Exits.class, Halts.class, KillsItself.class), random);
    List<Expected> expected = new ArrayList<>();
    for (Class<? extends Task> task : tasks) {
      int exit = task == Exits.class ? code : task == Halts.class ? 128 - code : 128 + 9;
      expected.add(Expected.of(task, Status.CRASHED, "", exit));
    }
    Run run = Runs.runAll(tasks, input, HEAP_MB);
    List<String> wrong = Runs.mismatches(expected, run.outcomes());
    Feedback.of("a task that ends its JVM without a report must be CRASHED, with the JVM's exit code")
        .measured(wrong.isEmpty() ? "every outcome right" : Runs.shorten(wrong, 3))
        .required(
            "CRASHED, output \"\", exit code = process.exitValue(): System.exit("
                + code
                + ") gives "
                + code
                + ", Runtime.halt("
                + (128 - code)
                + ") gives "
                + (128 - code)
                + ", a SIGKILL gives 137 (128 + 9)")
        .tryNext(
            "decide on the report alone: a child that ended without writing its report line"
                + " crashed, whatever its exit code; do not guess from the exit code (a task may"
                + " call System.exit(0) too)")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "a task that exhausts its heap is OUT_OF_MEMORY, and a child's heap is maxHeapMb")
  void outOfMemory(Random random) throws Exception {
    String input = Runs.input(random);
    int heap = 48 + 8 * random.nextInt(7);
    List<Class<? extends Task>> tasks = Runs.shuffled(List.of(Hoards.class, HeapSize.class), random);
    List<Expected> expected = new ArrayList<>();
    for (Class<? extends Task> task : tasks) {
      expected.add(
          task == Hoards.class
              ? Expected.of(task, Status.OUT_OF_MEMORY, "", null)
              : Expected.of(task, Status.OK, null, 0));
    }
    Run run = Runs.runAll(tasks, input, heap);
    List<String> wrong = Runs.mismatches(expected, run.outcomes());
    Outcome size = run.outcomes().get(tasks.indexOf(HeapSize.class));
    long mib = -1;
    try {
      mib = Long.parseLong(size.output().strip());
    } catch (RuntimeException notANumber) {
      // stays -1
    }
    // A JVM reports a little less than -Xmx as its maximum (one survivor space is not counted).
    if (size.status() == Status.OK && (mib > heap || mib < heap * 3 / 4)) {
      wrong.add(
          "HeapSize: the child's Runtime.maxMemory() was "
              + (mib < 0 ? Runs.quote(size.output()) : mib + " MiB")
              + " with maxHeapMb = "
              + heap);
    }
    Feedback.of(
            "a task that exhausts its heap must be OUT_OF_MEMORY, in a child JVM whose heap is"
                + " maxHeapMb")
        .measured(wrong.isEmpty() ? "every outcome right" : Runs.shorten(wrong, 3))
        .required(
            "Hoards: OUT_OF_MEMORY, output \"\"; HeapSize: OK, Runtime.maxMemory() between "
                + heap * 3 / 4
                + " and "
                + heap
                + " MiB")
        .tryNext(
            "start the child with -Xmx"
                + heap
                + "m; in its main, catch OutOfMemoryError before Throwable and report"
                + " OUT_OF_MEMORY (once run has thrown, the task's objects are garbage and there is"
                + " room again); -XX:+ExitOnOutOfMemoryError would end the JVM before it can say"
                + " why")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "a task that loops or deadlocks is TIMED_OUT within timeout + 1 s, with exit code -1")
  void timesOut(Random random, TestReporter reporter) throws Exception {
    String input = Runs.input(random);
    List<Class<? extends Task>> tasks =
        Runs.shuffled(List.of(Loops.class, Deadlocks.class), random);
    List<Expected> expected = new ArrayList<>();
    for (Class<? extends Task> task : tasks) {
      expected.add(Expected.of(task, Status.TIMED_OUT, "", -1));
    }
    Run run = Runs.runAll(tasks, input, HEAP_MB);
    List<String> wrong = Runs.mismatches(expected, run.outcomes());
    long timeout = Runs.TIMEOUT.toMillis();
    long latest = timeout + 1_000;
    for (Outcome outcome : run.outcomes()) {
      Duration elapsed = outcome.elapsed();
      if (elapsed == null || elapsed.toMillis() > latest || elapsed.toMillis() < timeout - 100) {
        wrong.add(
            Runs.describe(outcome)
                + ": elapsed should be the timeout, give or take the kill (from "
                + (timeout - 100)
                + " to "
                + latest
                + " ms)");
      }
    }
    int waves = (tasks.size() + Runs.concurrency() - 1) / Runs.concurrency();
    long allowed = waves * latest;
    if (run.millis() > allowed) {
      wrong.add(
          "runAll took "
              + Runs.number(run.millis())
              + " ms for "
              + tasks.size()
              + " tasks that time out, "
              + Runs.concurrency()
              + " at once: more than "
              + Runs.number(allowed)
              + " ms");
    }
    Measurement.of(run.millis(), "ms")
        .atMost(allowed)
        .limit("timeout", timeout)
        .detail("outcomes", Runs.describeAll(run.outcomes()))
        .publish(reporter);
    Feedback.of(
            "a task that never ends must be killed at the timeout and reported TIMED_OUT, exit code"
                + " -1")
        .measured(wrong.isEmpty() ? "every outcome right" : Runs.shorten(wrong, 4))
        .required(
            "TIMED_OUT, output \"\", exit code -1, within "
                + Runs.TIMEOUT.toSeconds()
                + " s + 1 s of the task's start, a busy loop and a deadlock alike")
        .tryNext(
            "count the timeout from the child's start: if (!process.waitFor(remaining,"
                + " NANOSECONDS)) then destroyForcibly() it (SIGKILL: a task cannot ignore it, a"
                + " looping thread cannot be interrupted) and its descendants; an interrupt or"
                + " destroy() (SIGTERM) is a request, not an end")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "a task that floods stdout and stderr with 64 MiB is still OK with its exact output")
  void flood(Random random) throws Exception {
    String input = Runs.input(random);
    List<Class<? extends Task>> tasks = Runs.shuffled(List.of(Floods.class, Reverse.class), random);
    List<Expected> expected = new ArrayList<>();
    for (Class<? extends Task> task : tasks) {
      expected.add(Expected.of(task, Status.OK, Expectations.okOutput(task, input), 0));
    }
    Run run = Runs.runAll(tasks, input, HEAP_MB);
    List<String> wrong = Runs.mismatches(expected, run.outcomes());
    Feedback.of("a task may print as much as it likes: its outcome must not change")
        .measured(wrong.isEmpty() ? "every outcome right" : Runs.shorten(wrong, 3))
        .required(
            "Floods (32 MiB to System.out, then 32 MiB to System.err, in turns) OK, exit code 0,"
                + " output = its return value")
        .tryNext(
            "a pipe holds about 64 KiB: a child that writes more blocks until someone reads. Read"
                + " (or discard) stdout and stderr while the child runs, not after waitFor: use"
                + " ProcessBuilder.Redirect.DISCARD for what you do not need, a reading thread for"
                + " what you do, and never keep 64 MiB in memory to find the report in it")
        .failUnless(wrong.isEmpty());
  }
}
