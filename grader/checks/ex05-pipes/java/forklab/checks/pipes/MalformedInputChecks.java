package forklab.checks.pipes;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.watch.Descendants;
import forklab.pipes.ProcessPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A malformed line is refused by the parent before any work goes out: an IllegalArgumentException
 * that names the line's index and text, at once, while the workers stay idle, and the pool still
 * answers right afterwards.
 */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class MalformedInputChecks {
  /** The exception must come within this: every valid line around it is costly. */
  private static final Duration REFUSAL = Duration.ofSeconds(5);

  /** A worker may use this much CPU while it has nothing to do (its JVM's own threads). */
  private static final long IDLE_CPU_MILLIS = 60;

  /** Lines that are not 1 to 18 decimal digits with optional surrounding spaces. */
  private static final String[] MALFORMED = {
    "", "   ", "-7", "+7", "12a", "1.5", "0x1F", "1e6", "12 34", "5\n6", "1234567890123456789", null
  };

  private ProcessPool pool;

  @AfterEach
  void cleanUp() {
    Pools.closeQuietly(pool);
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name =
          "a malformed line gets an IllegalArgumentException naming its index and text, at once and"
              + " before any work is sent")
  void malformedLineRefusedFirst(Random random) throws Exception {
    pool = Pools.open(2);
    // Both workers up and warm, so that their CPU clocks only move for work.
    List<String> warm = Pools.inputs(random, 6, 20_000, 30_000);
    Pools.map(pool, warm, Duration.ofSeconds(30), "map(" + Pools.show(warm) + ")", "");
    List<String> kinds = new ArrayList<>(Arrays.asList(MALFORMED));
    Collections.shuffle(kinds, random);
    List<String> tried = new ArrayList<>();
    for (String bad : kinds) {
      // Costly valid lines (about 0.3 s each) around the bad one: sent work shows on the CPUs.
      List<String> batch = new ArrayList<>(Pools.inputs(random, 30, 1_000_000, 1_200_000));
      int index = 10 + random.nextInt(20);
      batch.set(index, bad);
      String shown = bad == null ? "null" : "\"" + bad.replace("\n", "\\n") + "\"";
      String call = "map of 30 lines with " + shown + " at index " + index;
      tried.add(shown);
      List<Long> pids = pool.workerPids();
      long[] cpuBefore = pids.stream().mapToLong(Pools::cpuMillis).toArray();
      long start = System.nanoTime();
      Throwable thrown = null;
      try {
        Pools.map(
            pool,
            batch,
            REFUSAL,
            call,
            "check every line before you send any: a line that is not 1 to 18 digits (spaces"
                + " around them allowed) must throw IllegalArgumentException from map itself, not"
                + " reach a worker");
      } catch (Exception e) {
        Pools.rethrowTodo(e);
        thrown = e;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      refused(call, thrown, millis);
      named(call, thrown, index, bad);
      // Work sent before the exception keeps the workers busy after it: give it time to show.
      Thread.sleep(200);
      long[] cpuAfter = pids.stream().mapToLong(Pools::cpuMillis).toArray();
      idle(call, pids, cpuBefore, cpuAfter);
      // The pool is as it was: the next batch gets its own answers, not the refused batch's.
      List<String> next = Pools.inputs(random, 4, 100, 10_000);
      List<String> got =
          Pools.map(
              pool,
              next,
              Duration.ofSeconds(30),
              "map(" + Pools.show(next) + ") after the refused batch",
              "refuse a batch before any of it reaches a worker; then nothing of it is left in the"
                  + " pipes");
      List<String> differences = Pools.differences(next, got, GraderPrimes.answers(next));
      Feedback.of("after refusing a malformed batch, the pool must answer the next batch right")
          .measured(
              "map(" + Pools.show(next) + ") after the " + call + ": " + Pools.shorten(differences, 3))
          .required("the next batch's own answers, in order")
          .tryNext(
              "validate the whole batch before sending any line: answers of a batch that was half"
                  + " sent are still in the pipes and get read as the next batch's")
          .failUnless(differences.isEmpty());
    }
  }

  private static void refused(String call, Throwable thrown, long millis) {
    Feedback.of("a malformed line must make map throw IllegalArgumentException")
        .measured(
            thrown == null
                ? call + " returned normally after " + millis + " ms"
                : call + " threw " + Pools.describe(thrown) + " after " + millis + " ms")
        .required(
            "IllegalArgumentException thrown by map itself, within "
                + Pools.seconds(REFUSAL)
                + " s")
        .tryNext(
            "before sending anything, check each line: null, empty, a sign, a dot, letters, inner"
                + " spaces or line breaks, and more than 18 digits are all malformed; throw new"
                + " IllegalArgumentException(...) for the first one (not wrapped in another"
                + " exception)")
        .failUnless(thrown instanceof IllegalArgumentException);
  }

  private static void named(String call, Throwable thrown, int index, String bad) {
    String message = thrown.getMessage() == null ? "" : thrown.getMessage();
    String text = bad == null ? "null" : bad;
    boolean hasIndex = message.matches("(?s).*(?<![0-9])" + index + "(?![0-9]).*");
    boolean hasText = message.contains(text);
    Feedback.of("the IllegalArgumentException must name the malformed line: its index and its text")
        .measured(call + ": message \"" + message.replace("\n", "\\n") + "\"")
        .required("the index " + index + " and the text " + (bad == null ? "null" : "\"" + bad.replace("\n", "\\n") + "\"") + " in the message")
        .tryNext(
            "throw new IllegalArgumentException(\"input line \" + i + \" is malformed: \\\"\" +"
                + " line + \"\\\"\") so that whoever called map can find the line")
        .failUnless(hasIndex && hasText);
  }

  private static void idle(String call, List<Long> pids, long[] before, long[] after) {
    List<String> busy = new ArrayList<>();
    for (int i = 0; i < pids.size(); i++) {
      if (before[i] >= 0 && after[i] >= 0 && after[i] - before[i] > IDLE_CPU_MILLIS) {
        busy.add("worker " + pids.get(i) + " used " + (after[i] - before[i]) + " ms of CPU");
      }
    }
    Feedback.of("no work may be sent for a batch with a malformed line")
        .measured(
            "within 0.2 s after the "
                + call
                + " was refused: "
                + (busy.isEmpty() ? "workers idle" : String.join("; ", busy)))
        .required("the workers idle (at most " + IDLE_CPU_MILLIS + " ms of CPU each)")
        .tryNext(
            "check every line of the batch first, and only then send any: a worker that is"
                + " already counting the lines before the bad one wastes its time, and its answers"
                + " are left in the pipe")
        .failUnless(busy.isEmpty());
  }
}
