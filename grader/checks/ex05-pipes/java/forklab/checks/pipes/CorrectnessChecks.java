package forklab.checks.pipes;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.watch.Descendants;
import forklab.pipes.ProcessPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Right answers, in input order, against the grader's own count. */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class CorrectnessChecks {
  /** A map of small inputs must return within this. */
  private static final Duration MAP = Duration.ofSeconds(30);

  private final List<ProcessPool> pools = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    pools.forEach(Pools::closeQuietly);
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name =
          "map returns the count of primes below each n, in input order, for random batches on"
              + " pools of 1 to 3 workers")
  void rightAnswers(Random random) throws Exception {
    List<String> wrong = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    for (int workers : new int[] {1, 2 + random.nextInt(2)}) {
      ProcessPool pool = Pools.open(workers);
      pools.add(pool);
      // The same pool answers batch after batch: nothing of one batch may leak into the next.
      for (List<String> batch : batches(random)) {
        String call = "new ProcessPool(" + workers + ").map(" + Pools.show(batch) + ")";
        calls.add(call);
        List<String> expected = GraderPrimes.answers(batch);
        List<String> got;
        try {
          got = Pools.map(pool, batch, MAP, "map", "");
        } catch (RuntimeException | java.io.IOException e) {
          Pools.rethrowTodo(e);
          wrong.add(call + " threw " + Pools.describe(e));
          break;
        }
        List<String> differences = Pools.differences(batch, got, expected);
        if (!differences.isEmpty()) {
          wrong.add(call + ": " + Pools.shorten(differences, 3));
          break;
        }
      }
    }
    Feedback.of("map must answer each n with the count of primes below it, in input order")
        .measured(wrong.isEmpty() ? "every answer right" : Pools.shorten(wrong, 2))
        .required(
            "for each input line, the decimal count of primes below n, at the line's index, for "
                + calls.size()
                + " batches (an empty one, small n such as 0, 1, 2 and 3, leading zeros and"
                + " surrounding spaces, and random n below 60,000)")
        .tryNext(
            "send the digits without the spaces, read one answer line per input, and store it at"
                + " the input's index; 0, 1 and 2 have no prime below them")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "answers come back in input order even when later inputs finish first")
  void inputOrder(Random random) throws Exception {
    ProcessPool pool = Pools.open(2);
    pools.add(pool);
    List<String> problems = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    for (int attempt = 0; attempt < 2 && problems.isEmpty(); attempt++) {
      // One slow input (about 0.1 to 0.3 s) first, then quick ones: a worker takes the slow one
      // and the other answers every quick one before it.
      List<String> batch = new ArrayList<>();
      batch.add(Long.toString(400_000 + random.nextInt(400_000)));
      batch.addAll(Pools.inputs(random, 12 + random.nextInt(12), 10, 5_000));
      if (attempt == 1) {
        batch.add(batch.size() / 2, Long.toString(400_000 + random.nextInt(400_000)));
      }
      List<String> expected = GraderPrimes.answers(batch);
      calls.add(Pools.show(batch));
      List<String> got;
      try {
        got = Pools.map(pool, batch, MAP, "map", "");
      } catch (RuntimeException | java.io.IOException e) {
        Pools.rethrowTodo(e);
        problems.add("map(" + Pools.show(batch) + ") threw " + Pools.describe(e));
        break;
      }
      List<String> differences = Pools.differences(batch, got, expected);
      if (!differences.isEmpty()) {
        boolean reordered =
            got != null
                && got.size() == expected.size()
                && got.stream().sorted().toList().equals(expected.stream().sorted().toList());
        problems.add(
            (reordered
                    ? "the right answers in the wrong order: "
                    : "wrong answers: ")
                + Pools.shorten(differences, 3));
      }
    }
    Feedback.of(
            "map must return answer i for input i, whichever worker finishes first: with a slow"
                + " input before quick ones, the quick answers arrive first")
        .measured(problems.isEmpty() ? "every answer in place" : Pools.shorten(problems, 2))
        .required("answers in input order for " + String.join(" and ", calls))
        .tryNext(
            "remember which input index each worker is computing, and put its answer at that index"
                + " of an array the size of the batch; do not append answers to a list as they"
                + " arrive")
        .failUnless(problems.isEmpty());
  }

  /** An empty batch, small n with spaces and leading zeros, and random n. */
  private static List<List<String>> batches(Random random) {
    List<String> small = new ArrayList<>(List.of("0", "1", "2", "3", " 17", "0000000000000010 "));
    small.add("  " + (4 + random.nextInt(200)) + "  ");
    java.util.Collections.shuffle(small, random);
    List<String> many = Pools.inputs(random, 20 + random.nextInt(30), 0, 60_000);
    return List.of(List.of(), small, many);
  }
}
