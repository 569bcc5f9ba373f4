package forklab.checks.shm;

import forklab.api.Feedback;
import forklab.api.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.TestReporter;

/**
 * Looks for lost updates until it is sure there are none: it calls a counter with more and more
 * increments each (times 4 per call) and fails on the first total that is not exact. It stops,
 * satisfied, once a call ran {@code overlapMillis} longer than the fastest call: the incrementers
 * then ran side by side for about that long, which loses updates, without mutual exclusion, every
 * time (millions of unguarded increments run into each other). Counters so fast that no call ever
 * gets that long are called until {@code maxCalls} or {@code budgetMillis}.
 */
final class Escalation {
  /** One call of the counter under test with {@code each} increments per incrementer. */
  @FunctionalInterface
  interface Counter {
    long count(int each) throws Exception;
  }

  private final String call;
  private final int incrementers;
  private final int firstEach;
  private final long overlapMillis;
  private final int maxCalls;
  private final long budgetMillis;

  /**
   * @param call how the call reads, with {@code %s} for the increments each, for example {@code
   *     "incrementWithThreads(4, %s)"}
   */
  Escalation(
      String call,
      int incrementers,
      int firstEach,
      long overlapMillis,
      int maxCalls,
      long budgetMillis) {
    this.call = call;
    this.incrementers = incrementers;
    this.firstEach = firstEach;
    this.overlapMillis = overlapMillis;
    this.maxCalls = maxCalls;
    this.budgetMillis = budgetMillis;
  }

  /** Calls {@code counter} until sure; throws the feedback on the first wrong total. */
  void run(Counter counter, String what, String advice, TestReporter reporter) throws Exception {
    long started = System.nanoTime();
    long fastest = Long.MAX_VALUE;
    long longestOverlap = 0;
    long increments = 0;
    List<String> calls = new ArrayList<>();
    int each = firstEach;
    boolean sure = false;
    int done = 0;
    while (done < maxCalls) {
      long expected = (long) incrementers * each;
      String thisCall = String.format(call, Scratch.number(each));
      long start = System.nanoTime();
      long got;
      try {
        got = counter.count(each);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        Scratch.rethrowTodo(e);
        throw Feedback.of(thisCall + " threw instead of counting")
            .measured("call " + (done + 1) + ": " + Scratch.describe(e))
            .required(Scratch.number(expected))
            .tryNext("make the correctness checks pass first")
            .fail();
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      done++;
      calls.add(Scratch.number(each) + " each: " + millis + " ms");
      if (got != expected) {
        String before =
            done == 1
                ? "it was the first call"
                : "the "
                    + (done - 1)
                    + " call(s) before were exact ("
                    + Scratch.shorten(calls.subList(0, done - 1), 8)
                    + ")";
        Measurement.of(Math.abs(expected - got), "increments lost")
            .atMost(0)
            .detail("calls", String.join("; ", calls))
            .detail("wrong call", thisCall + " = " + Scratch.number(got))
            .publish(reporter);
        throw Feedback.of(what)
            .measured(
                "call "
                    + done
                    + " of up to "
                    + maxCalls
                    + ": "
                    + thisCall
                    + " returned "
                    + Scratch.number(got)
                    + " instead of "
                    + Scratch.number(expected)
                    + (got < expected
                        ? " (" + Scratch.number(expected - got) + " increments lost)"
                        : "")
                    + "; "
                    + before)
            .required(
                "exactly "
                    + incrementers
                    + " x incrementsEach on every call, however long the "
                    + incrementers
                    + " incrementers run side by side")
            .tryNext(advice)
            .fail();
      }
      increments += expected;
      fastest = Math.min(fastest, millis);
      longestOverlap = Math.max(longestOverlap, millis - fastest);
      if (millis - fastest >= overlapMillis) {
        sure = true;
        break;
      }
      if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) > budgetMillis) {
        break;
      }
      each = (int) Math.min(Integer.MAX_VALUE, each * 4L);
    }
    Measurement.of(0, "increments lost")
        .atMost(0)
        .detail("increments counted", Scratch.number(increments))
        .detail("calls", String.join("; ", calls))
        .detail(
            "verdict",
            sure
                ? "sure after "
                    + done
                    + " calls: the last ran "
                    + longestOverlap
                    + " ms longer than the fastest: time enough for incrementers without mutual"
                    + " exclusion to lose updates"
                : "every total of "
                    + done
                    + " calls exact, though none ran "
                    + overlapMillis
                    + " ms longer than the fastest")
        .publish(reporter);
  }
}
