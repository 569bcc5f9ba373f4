package forklab.checks.buffer;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.buffer.BoundedBuffer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.util.ClassCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Lincheck (org.jetbrains.lincheck) explores the interleavings of a few threads on a small buffer:
 * its model checker switches threads at every lock, wait and field access, so it finds the lost
 * wake-up and the missed re-check that a stress test meets once in a million runs.
 */
@Checks
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class LincheckChecks {
  private static final int INVOCATIONS = 1_500;
  private static final int SCENARIOS = 6;
  private static final int MODEL_CHECKED_RUNS = 200;
  private static final int STRESS_RUNS = 2_000;
  private static final String LINEARIZABLE_ADVICE =
      "hold the lock for the whole of each method, from the first read of the count to the last"
          + " write, in offer, poll and size alike";

  /**
   * Lincheck finds the classes it instruments with Class.forName from its own class loader, which
   * cannot see the hidden checks: they are defined in memory by the runner, never on the class
   * path. Lincheck 3.7 looks in its class cache first, so the checks lend it theirs.
   */
  @BeforeAll
  @SuppressWarnings("unchecked")
  static void lendTheCheckClassesToLincheck() throws ReflectiveOperationException {
    Field cache = ClassCache.class.getDeclaredField("cache");
    cache.setAccessible(true);
    Map<String, Class<?>> classes = (Map<String, Class<?>>) cache.get(null);
    for (Class<?> type :
        List.of(
            LincheckChecks.class,
            Actor.class,
            CallsInParallel.class,
            CallsInParallel.CallsOfOneThread.class,
            CallsInParallel.Call.class,
            CallsInParallel.Call.Kind.class)) {
      classes.put(type.getName(), type);
    }
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 3,
      name = "no lost wake-up: Lincheck finds every blocked put and take woken, with one slot")
  @Gated(BufferWorks.class)
  void noLostWakeUp() {
    explore(
        "two takers and two putters of one item each, on a buffer of one slot",
        "every thread finishes",
        "wake the right kind of thread: keep two conditions, notFull for putters and notEmpty"
            + " for takers, and signal the one whose reason to wait is gone; with a single"
            + " condition (or wait/notify), signalAll()/notifyAll() is needed, since signal()"
            + " may wake a thread of the same kind, which goes back to waiting",
        INVOCATIONS,
        () -> {
          BoundedBuffer<Integer> buffer = new BoundedBuffer<>(1);
          Actor.runAll(
              List.of(
                  Actor.taking(buffer, 1),
                  Actor.taking(buffer, 1),
                  Actor.putting(buffer, 1),
                  Actor.putting(buffer, 2)));
        });
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 3,
      name =
          "a woken thread checks again: Lincheck finds no take from an empty buffer, no put into a"
              + " full one")
  @Gated(BufferWorks.class)
  void aWokenThreadChecksAgain() {
    explore(
        "two takers wait on an empty buffer of one slot while a third thread puts 1, then 2",
        "each taker gets one of the two items",
        "wait in a while loop, never an if: while (count == 0) notEmpty.await(); another taker"
            + " can take the item between the signal and the moment the woken thread runs",
        INVOCATIONS,
        () -> {
          BoundedBuffer<Integer> buffer = new BoundedBuffer<>(1);
          Actor first = Actor.taking(buffer, 1);
          Actor second = Actor.taking(buffer, 1);
          Actor.runAll(List.of(first, second, Actor.putting(buffer, 1, 2)));
          List<Integer> got = new ArrayList<>(first.taken());
          got.addAll(second.taken());
          if (got.contains(null) || !Set.copyOf(got).equals(Set.of(1, 2))) {
            throw new AssertionError("the two takers got " + got);
          }
        });
    explore(
        "two putters wait on a full buffer of one slot (holding 0) while a third thread takes"
            + " three times",
        "the taker gets 0 first, then 1 and 2, and the buffer ends empty",
        "wait in a while loop, never an if: while (count == capacity) notFull.await();",
        INVOCATIONS / 3,
        () -> {
          BoundedBuffer<Integer> buffer = new BoundedBuffer<>(1);
          if (!offerNow(buffer, 0)) {
            throw new AssertionError("an empty buffer of one slot refused offer(0)");
          }
          Actor taker = Actor.taking(buffer, 3);
          Actor.runAll(List.of(Actor.putting(buffer, 1), Actor.putting(buffer, 2), taker));
          List<Integer> taken = taker.taken();
          if (taken.size() != 3
              || !Integer.valueOf(0).equals(taken.get(0))
              || taken.contains(null)
              || !Set.copyOf(taken.subList(1, 3)).equals(Set.of(1, 2))
              || buffer.size() != 0) {
            throw new AssertionError(
                "the taker got " + taken + " and size() is " + buffer.size() + " at the end");
          }
        });
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 3,
      name =
          "linearizable: Lincheck's model checker finds no interleaving of offer, poll and size"
              + " whose results no order of the calls explains")
  @Gated(BufferWorks.class)
  void linearizableUnderTheModelChecker(Random random) {
    for (int i = 0; i < SCENARIOS; i++) {
      CallsInParallel scenario = CallsInParallel.random(random);
      explore(
          scenario.toString(),
          "results that some order of the same calls, one at a time, gives (linearizability)",
          LINEARIZABLE_ADVICE,
          MODEL_CHECKED_RUNS,
          scenario);
    }
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 1,
      name =
          "linearizable under stress: the same kind of scenarios, run for real thousands of times,"
              + " give only results some order explains")
  @Gated(BufferWorks.class)
  void linearizableUnderStress(Random random) {
    for (int i = 0; i < SCENARIOS; i++) {
      CallsInParallel scenario = CallsInParallel.random(random);
      for (int run = 1; run <= STRESS_RUNS; run++) {
        try {
          scenario.runOnce();
        } catch (AssertionError e) {
          throw Feedback.of(
                  "parallel calls on the buffer gave results that no order of the calls explains")
              .measured(scenario + ": " + e.getMessage() + " (run " + run + " of " + STRESS_RUNS + ")")
              .required(
                  "results that some order of the same calls, one at a time, gives"
                      + " (linearizability)")
              .tryNext(LINEARIZABLE_ADVICE)
              .fail();
        }
      }
    }
  }

  /** Model-checks {@code scenario}; on failure, words Lincheck's interleaving for the student. */
  private static void explore(
      String scenario, String required, String advice, int invocations, Runnable body) {
    try {
      Lincheck.runConcurrentTest(invocations, body);
    } catch (AssertionError e) {
      String report = String.valueOf(e.getMessage());
      Feedback feedback =
          Feedback.of(
                  "Lincheck found an interleaving in which "
                      + (Interleaving.hung(report) ? "every unfinished thread waits for ever" : "the buffer goes wrong"))
              .measured(scenario + ": " + outcome(report));
      for (String step : Interleaving.steps(report)) {
        feedback.step(step);
      }
      throw feedback.required(required + ", in every interleaving").tryNext(advice).fail();
    }
  }

  /** The first line of Lincheck's failure that says what went wrong. */
  private static String outcome(String report) {
    if (Interleaving.hung(report)) {
      return "all unfinished threads wait (a deadlock, or a wake-up that went to the wrong thread)";
    }
    for (String line : report.split("\n")) {
      String text = line.strip();
      if (text.startsWith("java.lang.AssertionError: ")) {
        return text.substring("java.lang.AssertionError: ".length());
      }
      if (text.contains("Exception") && !text.startsWith("at ") && !text.startsWith("=")) {
        return text;
      }
    }
    return "the scenario failed";
  }

  private static boolean offerNow(BoundedBuffer<Integer> buffer, int item) {
    try {
      return buffer.offer(item, 0, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
