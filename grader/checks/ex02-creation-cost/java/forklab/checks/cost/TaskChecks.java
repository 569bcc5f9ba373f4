package forklab.checks.cost;

import static forklab.checks.cost.GraderCreation.millis;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.cost.CreationCost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** threadPerTask and pooled: every task once, on the threads the method promises, timed right. */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class TaskChecks {
  /** How long the threads of a call may take to finish dying after it returned. */
  private static final long GRACE_MILLIS = 1_000;

  /** The returned time may exceed the grader's timing of the whole call by this much. */
  private static final long SLACK_NANOS = 1_000_000;

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "threadPerTask runs each task once, on a new platform thread of its own")
  void threadPerTaskGivesEachTaskItsOwnThread(Random random) throws InterruptedException {
    Tasks tasks = new Tasks(200 + random.nextInt(301));
    Thread caller = Thread.currentThread();
    long before = GraderCreation.startedThreads();

    Duration took = CreationCost.threadPerTask(tasks.list());

    long started = GraderCreation.startedThreads() - before;
    String call = "threadPerTask(" + tasks.size() + " tasks)";
    String wrong = tasks.wrongRuns();
    Feedback.of("when " + call + " returns, every task must have run exactly once")
        .measured(wrong.isEmpty() ? "fine" : wrong)
        .required("each task run once, and finished before threadPerTask returns")
        .tryNext("start one thread per task, then join() every one of them before you return")
        .failUnless(wrong.isEmpty());
    Feedback.of(call + " must return the time it took")
        .measured("it returned " + took)
        .required("a Duration of at least zero")
        .failUnless(took != null && !took.isNegative());

    List<String> problems = new ArrayList<>();
    Set<Thread> distinct = tasks.threads();
    int onCaller = 0;
    int virtual = 0;
    for (int i = 0; i < tasks.size(); i++) {
      Thread thread = tasks.thread(i);
      onCaller += thread == caller ? 1 : 0;
      virtual += thread != null && thread.isVirtual() ? 1 : 0;
    }
    if (distinct.size() < tasks.size()) {
      problems.add(
          "the " + tasks.size() + " tasks ran on only " + distinct.size() + " distinct threads");
    }
    if (onCaller > 0) {
      problems.add(onCaller + " task(s) ran on the calling thread");
    }
    if (virtual > 0) {
      problems.add(virtual + " task(s) ran on a virtual thread");
    }
    if (started < tasks.size()) {
      problems.add("the JVM started only " + started + " new platform thread(s) during the call");
    }
    Feedback.of(call + " must run every task on a new platform thread of its own")
        .measured(problems.isEmpty() ? "fine" : String.join("; ", problems))
        .required(tasks.size() + " new platform threads, one per task, none of them the caller's")
        .tryNext(
            "for every task: Thread.ofPlatform().start(task) (or new Thread(task).start()), keep"
                + " the threads in a list and join them all; no pool, no virtual threads")
        .failUnless(problems.isEmpty());

    List<String> alive = stillAlive(distinct);
    Feedback.of("the threads of " + call + " must have ended once it has returned")
        .measured(
            alive.size() + " still alive " + GRACE_MILLIS + " ms after the call: " + first(alive))
        .required("none")
        .tryNext("join() every thread you started before you return")
        .failUnless(alive.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "pooled runs each task once, on at most poolSize threads of its pool")
  void pooledReusesAFewThreads(Random random) {
    Tasks tasks = new Tasks(500 + random.nextInt(501));
    int poolSize = 2 + random.nextInt(4);
    Thread caller = Thread.currentThread();

    Duration took = CreationCost.pooled(tasks.list(), poolSize);

    String call = "pooled(" + tasks.size() + " tasks, " + poolSize + ")";
    String wrong = tasks.wrongRuns();
    Feedback.of("when " + call + " returns, every task must have run exactly once")
        .measured(wrong.isEmpty() ? "fine" : wrong)
        .required("each task run once, and finished before pooled returns")
        .tryNext(
            "submit every task to the pool, then wait for all of them (Future.get() on each, or"
                + " shutdown() and awaitTermination(...)) before you return")
        .failUnless(wrong.isEmpty());
    Feedback.of(call + " must return the time it took")
        .measured("it returned " + took)
        .required("a Duration of at least zero")
        .failUnless(took != null && !took.isNegative());

    Set<Thread> distinct = tasks.threads();
    List<String> problems = new ArrayList<>();
    if (distinct.size() > poolSize) {
      problems.add(
          "the " + tasks.size() + " tasks ran on " + distinct.size() + " distinct threads");
    }
    if (distinct.contains(caller)) {
      problems.add("tasks ran on the calling thread");
    }
    long virtual = distinct.stream().filter(Thread::isVirtual).count();
    if (virtual > 0) {
      problems.add(virtual + " of them virtual");
    }
    Feedback.of(call + " must reuse the " + poolSize + " threads of one pool for all its tasks")
        .measured(problems.isEmpty() ? "fine" : String.join("; ", problems))
        .required("at most " + poolSize + " platform threads, none of them the caller's")
        .tryNext(
            "create one pool for the call, ExecutorService pool ="
                + " Executors.newFixedThreadPool(poolSize), and submit every task to that same"
                + " pool; a new pool (or thread) per task is what this method is meant to avoid")
        .failUnless(problems.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name = "threadPerTask and pooled return the wall time their tasks took")
  void returnedTimesAreWallTimes(Random random) {
    // Sleeping tasks: however they are run, the wall time has a floor the grader knows.
    int n = 4 + random.nextInt(3);
    long[] naps = new long[n];
    long longest = 0;
    long sum = 0;
    for (int i = 0; i < n; i++) {
      naps[i] = 30 + random.nextInt(31);
      longest = Math.max(longest, naps[i]);
      sum += naps[i];
    }
    List<Runnable> sleepers = new ArrayList<>();
    for (long nap : naps) {
      sleepers.add(() -> nap(nap));
    }
    int poolSize = 2;

    long start = System.nanoTime();
    Duration perTask = CreationCost.threadPerTask(sleepers);
    long perTaskWall = System.nanoTime() - start;
    start = System.nanoTime();
    Duration pool = CreationCost.pooled(sleepers, poolSize);
    long poolWall = System.nanoTime() - start;

    // A pool of 2 needs at least half the sum, and at least the longest nap.
    long poolFloor = Math.max(longest, (sum + poolSize - 1) / poolSize);
    List<String> problems = new ArrayList<>();
    wallTime(problems, "threadPerTask(" + n + " tasks)", perTask, perTaskWall, longest);
    wallTime(problems, "pooled(" + n + " tasks, " + poolSize + ")", pool, poolWall, poolFloor);
    Feedback.of("threadPerTask and pooled must return the wall time of their tasks")
        .measured(
            problems.isEmpty()
                ? "fine"
                : String.join("; ", problems) + " (task naps " + naps(naps) + ")")
        .required(
            "at least the time the sleeping tasks needed, at most the time the whole call took by"
                + " the grader's clock")
        .tryNext(
            "take System.nanoTime() just before you hand out the first task and again once every"
                + " task has finished, and return Duration.ofNanos(end - start)")
        .failUnless(problems.isEmpty());
  }

  private static void wallTime(
      List<String> problems, String call, Duration took, long wallNanos, long floorMillis) {
    if (took == null) {
      problems.add(call + " returned null");
      return;
    }
    long nanos = took.toNanos();
    if (nanos < TimeUnit.MILLISECONDS.toNanos(floorMillis)) {
      problems.add(
          call
              + " returned "
              + millis(nanos)
              + ", but its tasks needed at least "
              + floorMillis
              + " ms");
    } else if (nanos > wallNanos + SLACK_NANOS) {
      problems.add(
          call
              + " returned "
              + millis(nanos)
              + ", but the whole call took only "
              + millis(wallNanos));
    }
  }

  /** Live threads of {@code threads} after waiting up to {@value #GRACE_MILLIS} ms for them. */
  static List<String> stillAlive(Set<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    List<String> alive = new ArrayList<>();
    for (Thread thread : threads) {
      thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (thread.isAlive()) {
        alive.add("\"" + thread.getName() + "\" (" + thread.getState() + ")");
      }
    }
    return alive;
  }

  /** Up to 8 of {@code names}, and how many more. */
  static String first(List<String> names) {
    return names.size() <= 8
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more";
  }

  private static String naps(long[] naps) {
    StringBuilder text = new StringBuilder();
    for (long nap : naps) {
      text.append(text.isEmpty() ? "" : ", ").append(nap);
    }
    return text + " ms";
  }

  private static void nap(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("task interrupted while sleeping", e);
    }
  }
}
