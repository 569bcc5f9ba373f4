package forklab.checks.cost;

import static forklab.checks.cost.GraderCreation.micros;
import static forklab.checks.cost.GraderCreation.millis;
import static forklab.checks.cost.GraderCreation.times;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.api.Measured;
import forklab.api.speedup.RatioJudge;
import forklab.api.speedup.Verdict;
import forklab.api.watch.Descendants;
import forklab.cost.CreationCost;
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

/**
 * The two ratio goals, judged by {@link RatioJudge} on calls the grader times itself: what the
 * submission's methods return is never what the ratio is made of.
 */
@Checks
class RatioChecks {
  /** Samples per call of threadNanos and processNanos in the process-against-thread goal. */
  static final int SAMPLES = 50;

  /** Both ratio goals: at least 3x. */
  static final double FACTOR = 3;

  /** Tiny tasks per call of threadPerTask and pooled. */
  static final int TASKS = 20_000;

  /** The pool size pooled is called with. */
  static final int POOL_SIZE = 2;

  /**
   * Rounds of the pool goal. A round of a real threadPerTask takes seconds (20,000 thread
   * creations), and the two ways then lie some 30 to 200 times apart, far from 3: 3 rounds decide
   * it (the lowest of them must reach 3), and 5 are the most a spread-out machine gets. A round
   * that costs less than {@link #DEAR_ROUND_NANOS} (a threadPerTask that creates no threads) gets
   * the judge's usual 7 to 21 rounds, which a ratio near 1 needs to be judged at all.
   */
  static final int DEAR_MINIMUM_ROUNDS = 3;

  static final int DEAR_MAXIMUM_ROUNDS = 5;
  static final int CHEAP_MINIMUM_ROUNDS = 7;
  static final int CHEAP_MAXIMUM_ROUNDS = 21;
  static final long DEAR_ROUND_NANOS = 1_000_000_000L;

  private static final String A_THREAD = "a thread creation";
  private static final String A_PROCESS = "a process creation";
  private static final String POOLED = "pooled (a pool of " + POOL_SIZE + " threads)";
  private static final String PER_TASK = "threadPerTask (a new thread per task)";

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
            .cheaper(A_THREAD, SAMPLES, () -> CreationCost.threadNanos(SAMPLES))
            .than(A_PROCESS, SAMPLES, () -> CreationCost.processNanos(SAMPLES))
            .atLeast(FACTOR)
            .random(random)
            .judge();
    result.publish(reporter);
    if (result.verdict() == Verdict.FAIL) {
      machineCanShowIt(random, result);
    }
    assertPassed(
        result,
        A_THREAD,
        A_PROCESS,
        "keep threadNanos lean: per sample one new platform thread with an empty task, started and"
            + " joined, a few warm-up threads at most, and nothing else in the call (no sleeping,"
            + " printing or extra work); the grader times your whole calls. And let processNanos"
            + " start and wait for a real process per sample");
  }

  /**
   * After a FAIL: whether this machine shows the goal right now, measured the same way on the
   * grader's own thread and process creations. On a machine loaded far beyond its CPUs, a new
   * thread waits for a free CPU about as long as a process does, and their ratio shrinks below 3;
   * then a correct submission cannot reach it either. The FAIL stands when the grader's own median
   * ratio reaches 3, or when even the submission's best rounds stay below the grader's worst ones
   * (its calls are dearer than the grader's, whatever the load); otherwise the check ends as not
   * judged here. This can turn a FAIL into no verdict (no points either), never into a PASS.
   */
  private static void machineCanShowIt(Random random, RatioJudge.Result result)
      throws InterruptedException {
    RatioJudge.RatioDecision machine =
        RatioJudge.<Double>builder()
            .cheaper(
                "the grader's thread creation", SAMPLES, () -> GraderCreation.threadNanos(SAMPLES))
            .than(
                "the grader's process creation",
                SAMPLES,
                () -> GraderCreation.processNanos(SAMPLES))
            .atLeast(FACTOR)
            .rounds(7, 7)
            .random(random)
            .judge()
            .decision();
    RatioJudge.RatioDecision yours = result.decision();
    if (machine.ratio() >= FACTOR || yours.high() < machine.low()) {
      return;
    }
    Measured.notJudgedHere(
        Feedback.of(
                "this machine cannot show the goal right now: measured the same way right after"
                    + " your calls, the grader's own process creation cost only "
                    + times(machine.ratio())
                    + " its own thread creation (rounds from "
                    + times(machine.low())
                    + " to "
                    + times(machine.high())
                    + ")")
            .measured(
                "your process creation cost "
                    + times(yours.ratio())
                    + " your thread creation (rounds from "
                    + times(yours.low())
                    + " to "
                    + times(yours.high())
                    + ")")
            .required("at least " + times(FACTOR) + ", on a machine that shows it")
            .tryNext(
                "nothing is wrong with your code as far as this check can tell; re-run the grade"
                    + " (--retry-unjudged 2) when the machine is less busy")
            .message());
  }

  @Test
  @Check(
      goal = Goal.SPEEDUP,
      points = 3,
      name = "pooled is at least 3x faster than threadPerTask on 20,000 tiny tasks")
  @Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @Gated({ThreadPerTaskWorks.class, PooledWorks.class})
  void pooledBeatsAThreadPerTask(Random random, TestReporter reporter) throws InterruptedException {
    // Untimed warm-up on a tenth of the work, which also tells what a round will cost: the
    // judge's own warm-up round is left out.
    long start = System.nanoTime();
    CreationCost.threadPerTask(new Tasks(TASKS / 10, false).list());
    CreationCost.pooled(new Tasks(TASKS / 10, false).list(), POOL_SIZE);
    boolean dear = (System.nanoTime() - start) * 10 > DEAR_ROUND_NANOS;
    int minimum = dear ? DEAR_MINIMUM_ROUNDS : CHEAP_MINIMUM_ROUNDS;
    int maximum = dear ? DEAR_MAXIMUM_ROUNDS : CHEAP_MAXIMUM_ROUNDS;

    // One set of tasks per way, its counts zeroed before each call (Tasks.reset, a few µs).
    Tasks forPooled = new Tasks(TASKS, false);
    Tasks forPerTask = new Tasks(TASKS, false);
    List<Returned> returned = new ArrayList<>();
    RatioJudge.Result result =
        RatioJudge.<Duration>builder()
            .cheaper(
                POOLED,
                TASKS,
                () -> timed(returned, "pooled", forPooled, t -> CreationCost.pooled(t, POOL_SIZE)))
            .than(
                PER_TASK,
                TASKS,
                () -> timed(returned, "threadPerTask", forPerTask, CreationCost::threadPerTask))
            .atLeast(FACTOR)
            .rounds(minimum, maximum)
            .warmup(0)
            .random(random)
            .judge();
    result.publish(reporter);
    assertPassed(
        result,
        POOLED,
        PER_TASK,
        "create the pool once per call of pooled and hand every task to that same pool, so that"
            + " its poolSize threads are reused; and give each task of threadPerTask a new platform"
            + " thread of its own. Creating a thread (or a pool) per task is what makes"
            + " threadPerTask dear");
    plausible(returned);
  }

  /**
   * The judge's verdict, as {@link RatioJudge.Result#assertPassed()} gives it, but a FAIL with this
   * exercise's advice in place of the judge's general one.
   */
  private static void assertPassed(
      RatioJudge.Result result, String cheaper, String dearer, String advice) {
    if (result.verdict() != Verdict.FAIL) {
      result.assertPassed();
      return;
    }
    RatioJudge.RatioDecision decision = result.decision();
    throw Feedback.of("the ratio goal is missed")
        .measured(
            dearer
                + " cost "
                + times(decision.ratio())
                + " as much as "
                + cheaper
                + " (median of "
                + decision.rounds()
                + " rounds: "
                + micros(decision.dearerNanos())
                + " against "
                + micros(decision.cheaperNanos())
                + ")")
        .required(cheaper + " at least " + times(decision.factor()) + " cheaper than " + dearer)
        .line(
            "spread",
            "your rounds gave "
                + times(decision.low())
                + " to "
                + times(decision.high())
                + " ("
                + decision.reason()
                + ")")
        .tryNext(advice)
        .fail();
  }

  /** One timed call: the grader's own wall time, and the Duration the submission returned. */
  private record Returned(String method, long wallNanos, Duration duration) {}

  private interface Run {
    Duration on(List<Runnable> tasks);
  }

  /**
   * Calls {@code run} on {@code tasks} (their counts zeroed first), checks that every task ran
   * once, and notes the times.
   */
  private static Duration timed(List<Returned> returned, String method, Tasks tasks, Run run) {
    tasks.reset();
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
