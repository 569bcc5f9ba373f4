package forklab.checks.cost;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Goal;
import forklab.api.watch.Descendants;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The figures of threadNanos and processNanos against the grader's own measurement of the same
 * thing, interleaved in the same rounds (in an order the seed picks anew each round), compared by
 * {@link Agreement}. Every call of the submission must also have done the work it reports: one new
 * platform thread, or one child process, per sample, and a mean that fits in the call's own time.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class AgreementChecks {
  static final int ROUNDS = 9;
  static final int THREAD_SAMPLES = 50;
  static final int PROCESS_SAMPLES = 20;

  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 3,
      name = "threadNanos agrees with the grader's own measurement within a factor of 3")
  void threadNanosAgrees(Random random, TestReporter reporter) {
    // Warm-up: neither side pays for class loading and compilation in round 1.
    GraderCreation.threadNanos(THREAD_SAMPLES);
    threadNanos();
    double[] own = new double[ROUNDS];
    double[] theirs = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      if (random.nextBoolean()) {
        theirs[round] = threadNanos();
        own[round] = GraderCreation.threadNanos(THREAD_SAMPLES);
      } else {
        own[round] = GraderCreation.threadNanos(THREAD_SAMPLES);
        theirs[round] = threadNanos();
      }
    }
    Agreement agreement =
        new Agreement(
            "threadNanos",
            "a thread creation",
            "new Thread(() -> {}), start(), join(), timed with System.nanoTime() around the three",
            THREAD_SAMPLES,
            own,
            theirs);
    agreement.publish(reporter);
    agreement.assertAgrees(
        "time a new platform thread for every sample, from its creation to the end of its join():"
            + " new Thread(() -> {}), start(), join(). A pool thread reused between samples, a"
            + " virtual thread, or timing the constructor alone costs far less than that",
        "time only the creation, start and join of each thread: keep the warm-up, printing and"
            + " sleeping out of the timed part, and return nanoseconds (a double), divided by"
            + " samples");
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 3,
      name = "processNanos agrees with the grader's own measurement within a factor of 3")
  void processNanosAgrees(Random random, TestReporter reporter) throws InterruptedException {
    GraderCreation.processNanos(2);
    processNanos();
    double[] own = new double[ROUNDS];
    double[] theirs = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      if (random.nextBoolean()) {
        theirs[round] = processNanos();
        own[round] = GraderCreation.processNanos(PROCESS_SAMPLES);
      } else {
        own[round] = GraderCreation.processNanos(PROCESS_SAMPLES);
        theirs[round] = processNanos();
      }
    }
    Agreement agreement =
        new Agreement(
            "processNanos",
            "a process creation",
            "start "
                + GraderCreation.child()
                + " with ProcessBuilder and waitFor() it, timed with System.nanoTime() around both",
            PROCESS_SAMPLES,
            own,
            theirs);
    agreement.publish(reporter);
    agreement.assertAgrees(
        "start a real child process for every sample and wait for it to end, both inside the timed"
            + " part: new ProcessBuilder(\"true\").start().waitFor(). A thread, or a process"
            + " started once and reused, costs far less than a new process",
        "start true from the PATH, not a JVM, when there is one: a JVM takes tens of times as long"
            + " to start. Keep the warm-up and any reading of output out of the timed part, and"
            + " return nanoseconds (a double), divided by samples");
  }

  /** One call of threadNanos that must have done its work; its figure. */
  private static double threadNanos() {
    Creations.Call call = Creations.threadNanos(THREAD_SAMPLES);
    Creations.requireATime(call);
    Creations.requireThreads(call);
    Creations.requireWithinTheCall(call);
    return call.figure();
  }

  /** One call of processNanos that must have done its work; its figure. */
  private static double processNanos() throws InterruptedException {
    Creations.Call call = Creations.processNanos(PROCESS_SAMPLES, false);
    Creations.requireATime(call);
    Creations.requireProcesses(call);
    Creations.requireWithinTheCall(call);
    return call.figure();
  }
}
