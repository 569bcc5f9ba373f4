package forklab.checks.pipes;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.watch.SandboxProcesses;
import forklab.pipes.ProcessPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** close ends every worker before it returns, can be called again, and ends the pool for good. */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class LifecycleChecks {
  private final List<ProcessPool> pools = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    pools.forEach(Pools::closeQuietly);
    SandboxProcesses.killAll();
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "close ends every worker and whatever they started: no process is left when it returns")
  void closeLeavesNothing(Random random) throws Exception {
    // The sandbox's own process list: a grandchild that detached (setsid) is no descendant.
    Set<Long> before = SandboxProcesses.others();
    List<String> calls = new ArrayList<>();
    Set<Long> alive = new TreeSet<>();
    // Right at the return, three times: a pool that was used, one that never was, one used again.
    for (int round = 0; round < 3 && alive.isEmpty(); round++) {
      int workers = 1 + random.nextInt(3);
      ProcessPool pool = Pools.open(workers);
      pools.add(pool);
      int maps = round == 1 ? 0 : round + 1;
      for (int m = 0; m < maps; m++) {
        List<String> batch = Pools.inputs(random, 6, 1_000, 30_000);
        Pools.map(pool, batch, Duration.ofSeconds(30), "map(" + Pools.show(batch) + ")", "");
      }
      Pools.within(
          Pools.CLOSE,
          "close()",
          "close each worker's stdin (it ends when its input ends), then waitFor() it, and"
              + " destroyForcibly() one that does not end in time",
          () -> {
            pool.close();
            return null;
          });
      alive.addAll(SandboxProcesses.othersExcept(before));
      calls.add(
          "new ProcessPool("
              + workers
              + "), "
              + maps
              + " map(s), close()"
              + (alive.isEmpty() ? "" : ", then alive: " + alive));
    }
    Feedback.of("once close() has returned, none of the pool's workers may still run")
        .measured(
            alive.isEmpty()
                ? "no child alive after " + calls.size() + " pools were closed"
                : "process(es) "
                    + alive.stream().map(SandboxProcesses::describe).toList()
                    + " still alive right after close() returned ("
                    + String.join("; ", calls)
                    + ")")
        .required(
            "no process that the pool started, nor any that its workers started (even one that"
                + " detached with setsid), alive when close() returns")
        .tryNext(
            "in close(), close every worker's stdin so that it ends, then waitFor() each one (and"
                + " destroyForcibly() one that takes more than a second or two); do not return"
                + " before every worker has ended")
        .failUnless(alive.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name =
          "after close, map throws IllegalStateException and workerPids() is empty; a second close"
              + " does nothing")
  void closedForGood(Random random) throws Exception {
    ProcessPool pool = Pools.open(1 + random.nextInt(2));
    pools.add(pool);
    List<String> batch = Pools.inputs(random, 4, 1_000, 10_000);
    Pools.map(pool, batch, Duration.ofSeconds(30), "map(" + Pools.show(batch) + ")", "");
    List<String> problems = new ArrayList<>();
    for (int call = 1; call <= 2; call++) {
      try {
        Pools.within(
            Pools.CLOSE,
            "close() (call " + call + ")",
            "",
            () -> {
              pool.close();
              return null;
            });
      } catch (RuntimeException e) {
        Pools.rethrowTodo(e);
        problems.add("close() call " + call + " threw " + Pools.describe(e));
      }
    }
    List<Long> pids = pool.workerPids();
    if (pids == null || !pids.isEmpty()) {
      problems.add("workerPids() = " + pids + " after close()");
    }
    Throwable thrown = null;
    List<String> got = null;
    try {
      got = Pools.map(pool, batch, Duration.ofSeconds(10), "map after close()", "");
    } catch (Exception e) {
      Pools.rethrowTodo(e);
      thrown = e;
    }
    if (!(thrown instanceof IllegalStateException)) {
      problems.add(
          "map after close() "
              + (thrown == null ? "returned " + Pools.show(got) : "threw " + Pools.describe(thrown)));
    }
    Feedback.of("a closed pool stays closed")
        .measured(problems.isEmpty() ? "as required" : String.join("; ", problems))
        .required(
            "close() twice without an exception, workerPids() empty after it, and map throwing"
                + " IllegalStateException")
        .tryNext(
            "keep a closed flag: close() sets it (and does nothing more when it was already set);"
                + " map checks it first and throws new IllegalStateException(\"closed\")")
        .failUnless(problems.isEmpty());
  }
}
