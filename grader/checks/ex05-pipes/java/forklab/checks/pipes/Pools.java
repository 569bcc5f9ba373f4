package forklab.checks.pipes;

import forklab.api.Feedback;
import forklab.pipes.ProcessPool;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every check of a {@link ProcessPool} needs: calls bounded by a timeout (a pool that lost an
 * answer must fail a check in seconds, not hang the grade), pools closed whatever happens, the CPU
 * time of processes, random inputs, and words for what went wrong.
 */
final class Pools {
  /** How long making a pool may take: starting a few JVMs, on a busy machine. */
  static final Duration START = Duration.ofSeconds(30);

  /** How long close may take before the check gives up on it (the @AfterEach kills the rest). */
  static final Duration CLOSE = Duration.ofSeconds(10);

  private Pools() {}

  /** A new pool of {@code workers}, or a failure that says what the constructor did. */
  static ProcessPool open(int workers) throws Exception {
    return within(
        START,
        "new ProcessPool(" + workers + ")",
        "start the worker JVMs in the constructor and return: do not wait for them to answer"
            + " anything there",
        () -> new ProcessPool(workers));
  }

  /** {@code pool.map(inputs)}, which must return within {@code limit}. */
  static List<String> map(
      ProcessPool pool, List<String> inputs, Duration limit, String call, String hint)
      throws Exception {
    return within(limit, call, hint, () -> pool.map(inputs));
  }

  /** Closes {@code pool} if there is one, giving up after {@link #CLOSE}; never throws. */
  static void closeQuietly(ProcessPool pool) {
    if (pool == null) {
      return;
    }
    try {
      within(CLOSE, "close()", "", () -> {
        pool.close();
        return null;
      });
    } catch (Throwable ignored) {
      // The check has its verdict already; the @AfterEach kills whatever is left.
    }
  }

  /**
   * Runs {@code call} on a thread of its own and waits at most {@code limit}: a call that hangs
   * fails the check with what was called, how long it was given, and {@code hint}. What the call
   * throws is rethrown as it is (checked exceptions wrapped in nothing but themselves).
   */
  static <T> T within(Duration limit, String call, String hint, Callable<T> work) throws Exception {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = Thread.ofPlatform().daemon().name("forklab-pool-call").start(task);
    try {
      return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException hung) {
      thread.interrupt();
      throw Feedback.of(call + " did not return in time")
          .measured("still running after " + seconds(limit) + " s")
          .required("a return (or an exception) within " + seconds(limit) + " s")
          .tryNext(
              hint.isEmpty()
                  ? "a call that waits for an answer no worker will ever send hangs: make every"
                      + " wait end"
                  : hint)
          .fail();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** The CPU time of process {@code pid} in ms: -1 when the system does not tell, or it is gone. */
  static long cpuMillis(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(handle -> handle.info().totalCpuDuration())
        .map(Duration::toMillis)
        .orElse(-1L);
  }

  /** The CPU time of this JVM (every thread, the JVM's own included) in ms, or -1. */
  static long ownCpuMillis() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? -1 : nanos / 1_000_000;
    }
    return -1;
  }

  /** {@code count} random inputs n with {@code lowest <= n < highest}, as plain decimal lines. */
  static List<String> inputs(Random random, int count, long lowest, long highest) {
    List<String> inputs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      inputs.add(Long.toString(lowest + (long) (random.nextDouble() * (highest - lowest))));
    }
    return inputs;
  }

  /**
   * Rethrows the skeleton's {@code UnsupportedOperationException("TODO")} as it is, so that the
   * report says "not implemented yet" rather than quoting it as a wrong answer.
   */
  static void rethrowTodo(Throwable thrown) {
    if (thrown instanceof UnsupportedOperationException todo && "TODO".equals(todo.getMessage())) {
      throw todo;
    }
  }

  /** What a call threw, in one line. */
  static String describe(Throwable thrown) {
    String text =
        thrown.getClass().getName()
            + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  /** The first {@code max} items of {@code items}, and how many more there are. */
  static String shorten(List<String> items, int max) {
    if (items.size() <= max) {
      return String.join("; ", items);
    }
    return String.join("; ", items.subList(0, max)) + "; and " + (items.size() - max) + " more";
  }

  /** A list of inputs or answers for a message: the first few, and how many in all. */
  static String show(List<String> items) {
    if (items == null) {
      return "null";
    }
    List<String> quoted = new ArrayList<>();
    for (int i = 0; i < Math.min(items.size(), 6); i++) {
      quoted.add(items.get(i) == null ? "null" : "\"" + items.get(i) + "\"");
    }
    return "["
        + String.join(", ", quoted)
        + (items.size() > 6 ? ", ... (" + items.size() + " in all)" : "")
        + "]";
  }

  /** The first differences between {@code got} and {@code expected}, by index. */
  static List<String> differences(List<String> inputs, List<String> got, List<String> expected) {
    List<String> wrong = new ArrayList<>();
    if (got == null) {
      wrong.add("map returned null");
      return wrong;
    }
    if (got.size() != expected.size()) {
      wrong.add(got.size() + " answers for " + expected.size() + " inputs");
    }
    for (int i = 0; i < Math.min(got.size(), expected.size()); i++) {
      if (!expected.get(i).equals(got.get(i))) {
        wrong.add(
            "input "
                + i
                + " (\""
                + inputs.get(i)
                + "\"): "
                + (got.get(i) == null ? "null" : "\"" + got.get(i) + "\"")
                + " instead of \""
                + expected.get(i)
                + "\"");
      }
    }
    return wrong;
  }

  static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
  }
}
