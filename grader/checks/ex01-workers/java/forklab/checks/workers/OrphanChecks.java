package forklab.checks.workers;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.watch.Descendants;
import forklab.workers.WorkerReport;
import forklab.workers.Workers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** No child of {@link Workers#inProcesses} outlives the call, whether it ends well or is interrupted. */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrphanChecks {
  private static final long PROMPT_MILLIS = 5_000;
  private static final Duration KILL_GRACE = Duration.ofSeconds(2);

  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name = "no child process is alive once inProcesses has returned")
  void noChildOutlivesAReturn(Random random) throws Exception {
    int n = 2 + random.nextInt(3);
    Set<Long> before = Descendants.alive();

    List<WorkerReport> reports = Workers.inProcesses(n, Duration.ofMillis(50 + random.nextInt(200)));

    Set<Long> alive = Descendants.aliveExcept(before);
    List<Long> reportedAlive = new ArrayList<>();
    if (reports != null) {
      for (WorkerReport report : reports) {
        if (ProcessHandle.of(report.pid()).map(ProcessHandle::isAlive).orElse(false)
            && report.pid() != ProcessHandle.current().pid()) {
          reportedAlive.add(report.pid());
        }
      }
    }
    Feedback.of("after inProcesses(" + n + ", ...) has returned, none of its children may still run")
        .measured("alive right after the return: descendants " + alive + ", reported pids " + reportedAlive)
        .required("no descendant process of this JVM alive")
        .tryNext("wait for every child with Process.waitFor() before building the reports")
        .failUnless(alive.isEmpty() && reportedAlive.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name =
          "an interrupted inProcesses throws InterruptedException promptly and leaves no child "
              + "behind")
  void interruptKillsEveryChild() throws Exception {
    int n = 3;
    Set<Long> before = Descendants.alive();
    AtomicReference<Object> outcome = new AtomicReference<>();
    // The children sleep a minute: only killing them ends the call in time.
    Thread caller =
        Thread.ofPlatform()
            .daemon()
            .name("forklab-interrupted-caller")
            .start(
                () -> {
                  try {
                    outcome.set(Workers.inProcesses(n, Duration.ofSeconds(60)));
                  } catch (Throwable e) {
                    outcome.set(e);
                  }
                });

    // Wait for the first child (at most 15 s), for all of them (at most 3 s more), then give them a
    // moment to reach their sleep.
    long firstDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    Set<Long> children = Descendants.aliveExcept(before);
    while (children.isEmpty() && caller.isAlive() && System.nanoTime() < firstDeadline) {
      Thread.sleep(20);
      children = Descendants.aliveExcept(before);
    }
    long allDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (!children.isEmpty() && children.size() < n && caller.isAlive() && System.nanoTime() < allDeadline) {
      Thread.sleep(20);
      children.addAll(Descendants.aliveExcept(before));
    }
    Thread.sleep(500);
    children.addAll(Descendants.aliveExcept(before));
    Feedback.of("inProcesses(3, 60 s) must start child processes and wait for them")
        .measured(caller.isAlive() ? "no child process appeared within 15 s" : "the call ended at once with " + describe(outcome.get()))
        .required("child processes running for a minute")
        .tryNext("start the children with ProcessBuilder and wait for them with Process.waitFor()")
        .failUnless(!children.isEmpty() && caller.isAlive());

    long interruptedAt = System.nanoTime();
    caller.interrupt();
    caller.join(PROMPT_MILLIS);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptedAt);
    boolean returned = !caller.isAlive();
    Set<Long> survivors = Descendants.survivorsAfter(before, KILL_GRACE);

    Feedback.of("interrupting the thread blocked in inProcesses(3, 60 s) must end the call promptly with an InterruptedException")
        .measured(returned ? "the call ended after " + millis + " ms with " + describe(outcome.get()) : "the call was still running " + millis + " ms after the interrupt")
        .required("InterruptedException within " + PROMPT_MILLIS + " ms")
        .tryNext("wait with Process.waitFor() (it throws InterruptedException) in the calling thread, and read outputs on other threads: a blocking read does not notice an interrupt; let the InterruptedException out")
        .failUnless(returned && outcome.get() instanceof InterruptedException);
    Feedback.of("when inProcesses is interrupted, it must kill every child before it throws")
        .measured("children " + children + " started; still alive " + KILL_GRACE.toSeconds() + " s after the call ended: " + survivors)
        .required("none alive")
        .tryNext("catch InterruptedException (try/finally works too), call destroyForcibly() on every child (and on its descendants()), wait for them to exit, then rethrow")
        .failUnless(survivors.isEmpty());
  }

  private static String describe(Object outcome) {
    if (outcome == null) {
      return "nothing";
    }
    if (outcome instanceof Throwable thrown) {
      return thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }
    return "a normal return: " + outcome;
  }
}
