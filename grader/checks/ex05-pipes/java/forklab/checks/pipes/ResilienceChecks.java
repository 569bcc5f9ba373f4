package forklab.checks.pipes;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.watch.Descendants;
import forklab.pipes.ProcessPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A worker that dies is replaced, and its input sent again: killed in the middle of a batch, or
 * between two batches. Every wait is bounded, so a pool that lost an answer fails in seconds.
 */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ResilienceChecks {
  private ProcessPool pool;
  private Thread mapping;

  @AfterEach
  void cleanUp() {
    Pools.closeQuietly(pool);
    Descendants.killAll();
    if (mapping != null) {
      mapping.interrupt();
    }
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 3,
      name = "a worker killed mid-batch loses no answer, and the pool replaces it")
  void killedMidBatch(Random random) throws Exception {
    pool = Pools.open(2);
    List<String> warm = Pools.inputs(random, 8, 20_000, 30_000);
    Pools.map(pool, warm, Duration.ofSeconds(30), "map(" + Pools.show(warm) + ")", "");
    int size = 24;
    for (int attempt = 0; attempt < 3; attempt++, size *= 2) {
      List<String> batch = Pools.inputs(random, size, 250_000, 300_000);
      List<String> expected = GraderPrimes.answers(batch);
      // Undisturbed first: how long the batch takes here bounds the wait after the kill.
      long start = System.nanoTime();
      List<String> calm =
          Pools.map(pool, batch, Duration.ofSeconds(60), "map(" + Pools.show(batch) + ")", "");
      long calmMillis = (System.nanoTime() - start) / 1_000_000;
      List<String> wrong = Pools.differences(batch, calm, expected);
      Feedback.of("map gave wrong answers before any worker was killed")
          .measured(Pools.shorten(wrong, 3))
          .required("right answers, in order")
          .tryNext("make the correctness checks pass first")
          .failUnless(wrong.isEmpty());

      List<Long> pids = pool.workerPids();
      FutureTask<List<String>> call = new FutureTask<>(() -> pool.map(batch));
      mapping = Thread.ofPlatform().daemon().name("forklab-pool-call").start(call);
      Thread.sleep(Math.max(100, calmMillis / 4));
      if (call.isDone()) {
        continue; // the batch ran too fast to be interrupted: a bigger one
      }
      long victim = pids.get(random.nextInt(pids.size()));
      ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
      Duration limit = Duration.ofMillis(5_000 + 4 * calmMillis);
      List<String> got;
      try {
        got = call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException hung) {
        throw Feedback.of(
                "map must return every answer although a worker was killed in the middle of the"
                    + " batch")
            .measured(
                "worker "
                    + victim
                    + " was killed "
                    + Math.max(100, calmMillis / 4)
                    + " ms into a batch of "
                    + size
                    + " inputs that took "
                    + calmMillis
                    + " ms undisturbed; map had not returned "
                    + Pools.seconds(limit)
                    + " s later")
            .required("all " + size + " answers, in order, within " + Pools.seconds(limit) + " s")
            .tryNext(
                "a read from a dead worker's stdout returns null (end of stream) and a write to"
                    + " its stdin throws IOException: treat both as its death, start a new worker"
                    + " in its place and send the input it had again")
            .fail();
      } catch (java.util.concurrent.ExecutionException e) {
        Pools.rethrowTodo(e.getCause());
        throw Feedback.of(
                "map must return every answer although a worker was killed in the middle of the"
                    + " batch")
            .measured(
                "worker " + victim + " was killed mid-batch; map threw " + Pools.describe(e.getCause()))
            .required("all " + size + " answers, in order: the killed worker's input sent again")
            .tryNext(
                "catch the IOException of the dead worker's pipe (or the null of its readLine),"
                    + " start a new worker in its place and send the input again; map only fails"
                    + " when no worker can be started")
            .fail();
      }
      List<String> differences = Pools.differences(batch, got, expected);
      Feedback.of("no answer may be lost when a worker is killed mid-batch")
          .measured(
              "worker " + victim + " killed mid-batch; then: " + Pools.shorten(differences, 3))
          .required("all " + size + " answers, in order")
          .tryNext(
              "when a worker dies, put the input it had back with the inputs still to send, so"
                  + " that another worker (or its replacement) computes it")
          .failUnless(differences.isEmpty());
      replaced(pids, victim, pool.workerPids(), "after the map during which it was killed");
      return;
    }
    throw Feedback.of("the batch always ended before a worker could be killed")
        .measured("three batches of up to " + size / 2 + " inputs ended within a quarter of their time")
        .required("a map still running a quarter of its undisturbed time after it started")
        .tryNext("nothing to fix in your code as far as this check can tell; grade again")
        .fail();
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 1,
      name = "a worker that died between two map calls is left out of workerPids() and replaced by the next map")
  void diedBetweenMaps(Random random) throws Exception {
    pool = Pools.open(2);
    List<String> first = Pools.inputs(random, 8, 20_000, 30_000);
    Pools.map(pool, first, Duration.ofSeconds(30), "map(" + Pools.show(first) + ")", "");
    List<Long> pids = pool.workerPids();
    long victim = pids.get(random.nextInt(pids.size()));
    ProcessHandle handle = ProcessHandle.of(victim).orElseThrow();
    handle.destroyForcibly();
    handle.onExit().get(10, TimeUnit.SECONDS);
    List<Long> meanwhile = pool.workerPids();
    Feedback.of("workerPids() must list the live workers only")
        .measured(
            "worker " + victim + " was killed between two maps; then workerPids() = " + meanwhile)
        .required("no " + victim + " in it: it is dead")
        .tryNext(
            "build the list from your Process objects each time, keeping only those whose"
                + " isAlive() is true")
        .failUnless(meanwhile != null && !meanwhile.contains(victim));

    List<String> next = Pools.inputs(random, 8, 20_000, 60_000);
    List<String> got =
        Pools.map(
            pool,
            next,
            Duration.ofSeconds(30),
            "map(" + Pools.show(next) + ") after worker " + victim + " was killed",
            "a write to a dead worker's stdin throws IOException (broken pipe) and a read from its"
                + " stdout gives null: start a new worker in its place and send the input again");
    List<String> differences = Pools.differences(next, got, GraderPrimes.answers(next));
    Feedback.of("the map after a worker died must still give every answer")
        .measured(Pools.shorten(differences, 3))
        .required("the right answers, in order")
        .tryNext("replace the dead worker and send its input again")
        .failUnless(differences.isEmpty());
    replaced(pids, victim, pool.workerPids(), "after the next map");
  }

  /** workerPids() after a death: as many as before, the dead one gone, every one alive. */
  private static void replaced(List<Long> before, long victim, List<Long> after, String when) {
    List<String> problems = new ArrayList<>();
    if (after == null) {
      problems.add("workerPids() returned null");
    } else {
      if (after.size() != before.size()) {
        problems.add(after.size() + " worker(s) instead of " + before.size());
      }
      if (after.contains(victim)) {
        problems.add("the killed worker " + victim + " is still listed");
      }
      if (new HashSet<>(after).size() != after.size()) {
        problems.add("the same pid twice");
      }
      for (Long pid : after) {
        if (pid != null && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
          problems.add("pid " + pid + " is not alive");
        }
      }
    }
    Feedback.of("the pool must replace a worker that died")
        .measured(
            "workerPids() was "
                + before
                + "; worker "
                + victim
                + " was killed; "
                + when
                + " workerPids() = "
                + after
                + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)))
        .required(before.size() + " live workers, without " + victim)
        .tryNext(
            "when you notice a worker died (null from readLine, IOException on write), start a"
                + " new PipeWorker in its place, in the same map call")
        .failUnless(problems.isEmpty());
  }
}
