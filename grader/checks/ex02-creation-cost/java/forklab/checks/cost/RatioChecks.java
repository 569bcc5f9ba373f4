package forklab.checks.cost;

import static forklab.checks.cost.GraderCreation.millis;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.api.speedup.RatioJudge;
import forklab.api.watch.Descendants;
import forklab.cost.CreationCost;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The two ratio goals, judged by {@link RatioJudge} on calls the grader times itself: what the
 * submission's methods return is never what the ratio is made of.
 */
@Checks
class RatioChecks {
  /** Samples per call of threadNanos and processNanos in the process-against-thread goal. */
  static final int SAMPLES = 50;

  /** Tiny tasks per call of threadPerTask and pooled. */
  static final int TASKS = 20_000;

  /** The pool size pooled is called with. */
  static final int POOL_SIZE = 2;

  /**
   * Rounds of the pool goal: a round of threadPerTask takes seconds here (20,000 thread creations),
   * and the two ways lie some 50 to 150 times apart, far from 3, so 3 rounds decide it (the lowest
   * of them must reach 3) and 5 are the most a spread-out machine gets.
   */
  static final int MINIMUM_ROUNDS = 3;

  static final int MAXIMUM_ROUNDS = 5;

  /** A returned Duration may fall this far below the grader's timing of its call (pool set-up). */
  private static final double RETURNED_SHARE = 1 / 3.0;

  private static final long SLACK_NANOS = 1_000_000;

  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.SPEEDUP,
      points = 3,
      name = "creating a process costs at least 3x creating a thread")
  @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @Gated({ThreadNanosWorks.class, ProcessNanosWorks.class})
  void aProcessCostsMoreThanAThread(Random random, TestReporter reporter)
      throws InterruptedException {
    RatioJudge.Result result =
        RatioJudge.<Double>builder()
            .cheaper("a thread creation", SAMPLES, () -> CreationCost.threadNanos(SAMPLES))
            .than("a process creation", SAMPLES, () -> CreationCost.processNanos(SAMPLES))
            .atLeast(3)
            .random(random)
            .judge();
    result.publish(reporter);
    result.assertPassed();
  }

  @Test
  @Check(
      goal = Goal.SPEEDUP,
      points = 3,
      name = "pooled is at least 3x faster than threadPerTask on 20,000 tiny tasks")
  @Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @Gated({ThreadPerTaskWorks.class, PooledWorks.class})
  void pooledBeatsAThreadPerTask(Random random, TestReporter reporter) throws InterruptedException {
    // Untimed warm-up on a tenth of the work: a round of threadPerTask is dear (seconds), so the
    // judge's own warm-up round is left out.
    CreationCost.threadPerTask(new Tasks(TASKS / 10, false).list());
    CreationCost.pooled(new Tasks(TASKS / 10, false).list(), POOL_SIZE);

    // Fresh tasks for every call, made before the rounds so that making them is not timed.
    Deque<Tasks> forPooled = fresh(MAXIMUM_ROUNDS);
    Deque<Tasks> forPerTask = fresh(MAXIMUM_ROUNDS);
    List<Returned> returned = new ArrayList<>();
    RatioJudge.Result result =
        RatioJudge.<Duration>builder()
            .cheaper(
                "pooled (a pool of " + POOL_SIZE + " threads)",
                TASKS,
                () ->
                    timed(
                        returned,
                        "pooled",
                        forPooled.pop(),
                        t -> CreationCost.pooled(t, POOL_SIZE)))
            .than(
                "threadPerTask (a new thread per task)",
                TASKS,
                () ->
                    timed(returned, "threadPerTask", forPerTask.pop(), CreationCost::threadPerTask))
            .atLeast(3)
            .rounds(MINIMUM_ROUNDS, MAXIMUM_ROUNDS)
            .warmup(0)
            .random(random)
            .judge();
    result.publish(reporter);
    result.assertPassed();
    plausible(returned);
  }

  /** One timed call: the grader's own wall time, and the Duration the submission returned. */
  private record Returned(String method, long wallNanos, Duration duration) {}

  private interface Run {
    Duration on(List<Runnable> tasks);
  }

  private static Deque<Tasks> fresh(int calls) {
    Deque<Tasks> tasks = new ArrayDeque<>();
    for (int i = 0; i < calls; i++) {
      tasks.add(new Tasks(TASKS, false));
    }
    return tasks;
  }

  /** Calls {@code run} on {@code tasks}, checks that every task ran once, and notes the times. */
  private static Duration timed(List<Returned> returned, String method, Tasks tasks, Run run) {
    long start = System.nanoTime();
    Duration duration = run.on(tasks.list());
    long wall = System.nanoTime() - start;
    String wrong = tasks.wrongRuns();
    Feedback.of(method + " did not run every task once while its speed was measured")
        .measured("when " + method + "(" + TASKS + " tasks) returned, " + wrong)
        .required("every task run once before the method returns")
        .tryNext("make the correctness checks pass first: a speed only counts for right answers")
        .failUnless(wrong.isEmpty());
    returned.add(new Returned(method, wall, duration));
    return duration;
  }

  /**
   * The Durations the submission returned against the grader's own timing of the same calls: never
   * more than the call took, and not far less (the pool's set-up and shut-down are outside it).
   */
  private static void plausible(List<Returned> returned) {
    List<String> wrong = new ArrayList<>();
    for (Returned call : returned) {
      long nanos = call.duration() == null ? -1 : call.duration().toNanos();
      if (nanos < call.wallNanos() * RETURNED_SHARE - SLACK_NANOS
          || nanos > call.wallNanos() + SLACK_NANOS) {
        wrong.add(
            call.method()
                + " returned "
                + (call.duration() == null ? "null" : millis(nanos))
                + " for a call the grader timed at "
                + millis(call.wallNanos()));
      }
    }
    Feedback.of("the times threadPerTask and pooled returned do not match how long they took")
        .measured(TaskChecks.first(wrong))
        .required(
            "the wall time from the first task handed out until the last one finished: at most"
                + " the whole call, and at least a third of it")
        .tryNext(
            "take System.nanoTime() just before you hand out the first task and again once every"
                + " task has finished, and return Duration.ofNanos(end - start)")
        .failUnless(wrong.isEmpty());
  }
}
