package forklab.checks.supervisor;

import forklab.api.Feedback;
import forklab.supervisor.Outcome;
import forklab.supervisor.Status;
import forklab.supervisor.Supervisor;
import forklab.supervisor.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls the student's supervisor the way every check does: with a bounded wait (a supervisor that
 * hangs is reported, not waited for), and compares its outcomes with what each task must give.
 */
final class Runs {
  /** The timeout every check gives the supervisor: short, so that a grade stays short. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** How long a child JVM may take to start, on a busy machine, before a check gives up. */
  private static final Duration START_SLACK = Duration.ofSeconds(4);

  private static final String[] WORDS = {
    "kestrel", "basalt", "juniper", "quokka", "tundra", "saffron", "obsidian", "marmot", "zephyr",
    "lichen", "cobalt", "heron"
  };

  private Runs() {}

  /** A fresh input, {@code <word> <code>}, with a code from 3 to 120. */
  static String input(Random random) {
    return WORDS[random.nextInt(WORDS.length)] + "-" + (1_000 + random.nextInt(9_000)) + " "
        + (3 + random.nextInt(118));
  }

  static String word(String input) {
    return input.substring(0, input.lastIndexOf(' '));
  }

  static int code(String input) {
    return Integer.parseInt(input.substring(input.lastIndexOf(' ') + 1));
  }

  /** C, the most tasks a supervisor runs at once. */
  static int concurrency() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** The longest a runAll of {@code tasks} tasks may take before a check gives up on it. */
  static Duration patience(int tasks) {
    int waves = (tasks + concurrency() - 1) / concurrency();
    return TIMEOUT.plus(START_SLACK).multipliedBy(waves).plus(START_SLACK);
  }

  /** What runAll gave, and how long the call took. */
  record Run(String call, List<Outcome> outcomes, long millis) {}

  /**
   * {@code new Supervisor(TIMEOUT, maxHeapMb).runAll(tasks, input)}, in a thread of its own, waited
   * for at most {@link #patience}; fails with feedback when it throws, hangs or answers the wrong
   * number of outcomes.
   */
  static Run runAll(List<Class<? extends Task>> tasks, String input, int maxHeapMb)
      throws InterruptedException {
    String call =
        "new Supervisor(Duration.ofSeconds("
            + TIMEOUT.toSeconds()
            + "), "
            + maxHeapMb
            + ").runAll(["
            + names(tasks)
            + "], \""
            + input
            + "\")";
    Duration patience = patience(tasks.size());
    CompletableFuture<List<Outcome>> result = new CompletableFuture<>();
    long start = System.nanoTime();
    Thread.ofPlatform()
        .daemon()
        .name("forklab-runAll")
        .start(
            () -> {
              try {
                result.complete(new Supervisor(TIMEOUT, maxHeapMb).runAll(tasks, input));
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            });
    List<Outcome> outcomes;
    try {
      outcomes = result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw Feedback.of("runAll never returned: a task that does not end must not hang the supervisor")
          .measured(call + " had not returned after " + patience.toSeconds() + " s")
          .required(
              "every outcome within the timeout ("
                  + TIMEOUT.toSeconds()
                  + " s) of its task's start, plus a moment to kill it")
          .tryNext(
              "wait with process.waitFor(remaining, TimeUnit.NANOSECONDS), not waitFor(): when it"
                  + " returns false, destroyForcibly() the child and its descendants; read the"
                  + " child's output in another thread, so that a blocked read cannot hang you"
                  + " either")
          .fail();
    } catch (ExecutionException e) {
      Throwable thrown = e.getCause();
      if (thrown instanceof UnsupportedOperationException todo
          && "TODO".equals(todo.getMessage())) {
        throw todo;
      }
      throw Feedback.of("runAll threw instead of returning an outcome for every task")
          .measured(call + " threw " + describe(thrown))
          .required(tasks.size() + " outcomes, one per task, whatever the tasks do")
          .tryNext(
              "a task's failure is an outcome, not an exception of the supervisor: classify it"
                  + " (FAILED, CRASHED, TIMED_OUT, OUT_OF_MEMORY) and go on with the next")
          .fail();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    Feedback.of("runAll must return one outcome per task, in task order")
        .measured(
            outcomes == null
                ? call + " returned null"
                : call + " returned " + outcomes.size() + " outcome(s)")
        .required(tasks.size() + " outcomes")
        .tryNext("add the outcome of tasks.get(i) at index i, for every i")
        .failUnless(outcomes != null && outcomes.size() == tasks.size());
    return new Run(call, outcomes, millis);
  }

  /** What one task must give; a null output or exit code is not looked at. */
  record Expected(Class<? extends Task> task, Status status, String output, Integer exitCode) {
    static Expected of(Class<? extends Task> task, Status status, String output, Integer exitCode) {
      return new Expected(task, status, output, exitCode);
    }
  }

  /** Where the outcomes differ from the expectations, one line per wrong outcome. */
  static List<String> mismatches(List<Expected> expected, List<Outcome> outcomes) {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      Expected want = expected.get(i);
      Outcome got = outcomes.get(i);
      String at = "#" + i + " " + want.task().getSimpleName() + ": ";
      if (got == null) {
        wrong.add(at + "null instead of an outcome");
        continue;
      }
      List<String> what = new ArrayList<>();
      if (!want.task().getName().equals(got.task())) {
        what.add("task " + quote(got.task()) + " instead of " + quote(want.task().getName()));
      }
      if (got.status() != want.status()) {
        what.add(got.status() + " instead of " + want.status());
      }
      if (want.output() != null && !want.output().equals(got.output())) {
        what.add("output " + quote(got.output()) + " instead of " + quote(want.output()));
      }
      if (want.exitCode() != null && want.exitCode() != got.exitCode()) {
        what.add("exit code " + got.exitCode() + " instead of " + want.exitCode());
      }
      if (!what.isEmpty()) {
        wrong.add(at + String.join(", ", what));
      }
    }
    return wrong;
  }

  /** One outcome in a line. */
  static String describe(Outcome outcome) {
    if (outcome == null) {
      return "null";
    }
    String task = outcome.task() == null ? "null" : outcome.task();
    return task.substring(task.lastIndexOf('.') + 1)
        + ": "
        + outcome.status()
        + ", exit code "
        + outcome.exitCode()
        + ", output "
        + quote(outcome.output())
        + (outcome.elapsed() == null ? "" : ", " + outcome.elapsed().toMillis() + " ms");
  }

  static String describeAll(List<Outcome> outcomes) {
    return String.join("; ", outcomes.stream().map(Runs::describe).toList());
  }

  /** A text as Java would write it, cut at 100 characters. */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    String shown = text.length() <= 100 ? text : text.substring(0, 100);
    return "\""
        + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\"", "\\\"")
        + "\""
        + (shown.length() < text.length() ? "... (" + number(text.length()) + " chars)" : "");
  }

  static String names(List<Class<? extends Task>> tasks) {
    return String.join(", ", tasks.stream().map(Class::getSimpleName).toList());
  }

  static String describe(Throwable thrown) {
    String text =
        thrown.getClass().getName()
            + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String shorten(List<String> items, int max) {
    if (items.size() <= max) {
      return String.join("; ", items);
    }
    return String.join("; ", items.subList(0, max)) + "; and " + (items.size() - max) + " more";
  }

  static <T> List<T> shuffled(List<T> items, Random random) {
    List<T> copy = new ArrayList<>(items);
    java.util.Collections.shuffle(copy, random);
    return copy;
  }
}
