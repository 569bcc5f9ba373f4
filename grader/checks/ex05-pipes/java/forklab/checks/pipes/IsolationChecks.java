package forklab.checks.pipes;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.api.watch.Descendants;
import forklab.pipes.ProcessPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The work really runs in the children: workerPids names live child JVMs of this one running
 * PipeWorker, and while map runs, their CPU time grows by about the work while this JVM's hardly
 * moves.
 */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class IsolationChecks {
  /** The workers must use at least this share of the CPU time the grader's own count took. */
  static final double WORK_SHARE = 0.5;

  /** This JVM may use at most this share of the CPU time the workers used. */
  static final double PARENT_SHARE = 0.2;

  private static final String WORKER_CLASS = "forklab.pipes.PipeWorker";

  private ProcessPool pool;

  @AfterEach
  void cleanUp() {
    Pools.closeQuietly(pool);
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.ISOLATION,
      points = 1,
      name =
          "workerPids() names the pool's workers: as many as asked, distinct, live child JVMs of"
              + " this one running forklab.pipes.PipeWorker")
  void workerPidsAreChildren(Random random) throws Exception {
    int workers = 2 + random.nextInt(2);
    Set<Long> before = Descendants.alive();
    pool = Pools.open(workers);
    List<String> batch = Pools.inputs(random, 8, 1_000, 20_000);
    Pools.map(pool, batch, Duration.ofSeconds(30), "map(" + Pools.show(batch) + ")", "");
    List<Long> pids = pool.workerPids();
    long self = ProcessHandle.current().pid();
    Set<Long> children = Descendants.aliveExcept(before);
    List<String> problems = new ArrayList<>();
    if (pids == null) {
      problems.add("workerPids() returned null");
    } else {
      if (pids.size() != workers) {
        problems.add(pids.size() + " pid(s) for " + workers + " workers");
      }
      if (new HashSet<>(pids).size() != pids.size()) {
        problems.add("the same pid twice");
      }
      for (Long pid : pids) {
        if (pid == null) {
          problems.add("a null pid");
        } else if (pid == self) {
          problems.add("pid " + pid + " is this JVM, not a worker");
        } else if (!children.contains(pid)) {
          problems.add("pid " + pid + " is no live child process of this JVM");
        } else {
          Optional<String> command = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine());
          if (command.isPresent() && !command.get().contains(WORKER_CLASS)) {
            problems.add("pid " + pid + " runs \"" + shortened(command.get()) + "\"");
          }
        }
      }
    }
    Feedback.of("workerPids() must list the pid of each live worker JVM")
        .measured(
            "new ProcessPool("
                + workers
                + "), after a map: workerPids() = "
                + pids
                + "; this JVM's new children: "
                + children
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)))
        .required(
            workers
                + " distinct pids of live child processes of this JVM, each a java running "
                + WORKER_CLASS)
        .tryNext(
            "start each worker with new ProcessBuilder(java, \"-cp\", classPath, \""
                + WORKER_CLASS
                + "\").start() and return the Process objects' pid() values, only for those"
                + " still alive")
        .failUnless(problems.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.ISOLATION,
      points = 2,
      name =
          "the counting runs in the workers: during map their CPU time grows by the work, this"
              + " JVM's hardly moves")
  void workRunsInChildren(Random random, TestReporter reporter) throws Exception {
    pool = Pools.open(2);
    List<String> warm = Pools.inputs(random, 8, 50_000, 60_000);
    Pools.map(pool, warm, Duration.ofSeconds(30), "map(" + Pools.show(warm) + ")", "");
    // About 1.5 s of counting on one CPU; the grader times its own count of it first.
    List<String> batch = Pools.inputs(random, 16, 380_000, 420_000);
    long graderStart = threadCpuMillis();
    List<String> expected = GraderPrimes.answers(batch);
    long graderMillis = Math.max(1, threadCpuMillis() - graderStart);

    List<Long> pids = pool.workerPids();
    long[] before = pids.stream().mapToLong(Pools::cpuMillis).toArray();
    long ownBefore = Pools.ownCpuMillis();
    List<String> got =
        Pools.map(pool, batch, Duration.ofSeconds(60), "map(" + Pools.show(batch) + ")", "");
    long ownMillis = Pools.ownCpuMillis() - ownBefore;
    long[] after = pids.stream().mapToLong(Pools::cpuMillis).toArray();

    List<String> differences = Pools.differences(batch, got, expected);
    Feedback.of("map gave wrong answers while the CPU times were measured")
        .measured(Pools.shorten(differences, 3))
        .required("right answers, in order")
        .tryNext("make the correctness checks pass first")
        .failUnless(differences.isEmpty());

    long workersMillis = 0;
    boolean known = ownBefore >= 0;
    List<String> each = new ArrayList<>();
    for (int i = 0; i < pids.size(); i++) {
      if (before[i] < 0 || after[i] < 0) {
        known = false;
        each.add("pid " + pids.get(i) + ": unknown");
      } else {
        workersMillis += after[i] - before[i];
        each.add("pid " + pids.get(i) + ": " + (after[i] - before[i]) + " ms");
      }
    }
    if (!known) {
      forklab.api.Measured.notJudgedHere(
          "the system does not tell the CPU time of processes here: " + String.join("; ", each));
    }
    Measurement.of(workersMillis, "ms")
        .atLeast(WORK_SHARE * graderMillis)
        .limit("grader's own count", graderMillis)
        .detail("workers", String.join("; ", each))
        .detail("this JVM", ownMillis + " ms")
        .publish(reporter);
    Feedback.of(
            "the counting must run in the worker processes, not in this JVM: map("
                + batch.size()
                + " inputs near 400,000) on 2 workers")
        .measured(
            "the workers used "
                + workersMillis
                + " ms of CPU ("
                + String.join("; ", each)
                + "), this JVM "
                + ownMillis
                + " ms; the grader's own count of the same inputs took "
                + graderMillis
                + " ms")
        .required(
            "the workers at least "
                + Math.round(WORK_SHARE * graderMillis)
                + " ms (half the grader's count), and this JVM at most "
                + Math.round(PARENT_SHARE * 100)
                + " % of the workers' CPU time")
        .tryNext(
            "send each input to a worker over its stdin and read the count from its stdout; the"
                + " parent only writes lines, reads lines and puts answers in place: it must not"
                + " count primes itself, on any thread")
        .failUnless(
            workersMillis >= WORK_SHARE * graderMillis
                && ownMillis <= PARENT_SHARE * workersMillis);
  }

  private static long threadCpuMillis() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
        / 1_000_000;
  }

  private static String shortened(String command) {
    return command.length() <= 160 ? command : command.substring(0, 160) + "...";
  }
}
