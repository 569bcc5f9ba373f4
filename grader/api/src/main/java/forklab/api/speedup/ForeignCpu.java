package forklab.api.speedup;

import java.lang.management.ThreadInfo;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Watches the grader's own timed runs (the baseline and the kernel) for CPU that anything else in
 * the process uses meanwhile: threads the submission left running, or the JVM's own compiler and
 * collector threads. A run is clean when that foreign CPU stays under {@link #allowed(long)} and no
 * thread was started during it; a round with a run that is not clean does not count. Keeps a tally
 * per thread, so that the verdict can name the threads.
 *
 * <p>The foreign CPU of a run is the CPU time of the other live threads (exact), plus whatever the
 * process clock shows beyond what all threads account for, less that clock's error (see {@link
 * Clocks#processError()}): that part covers the JVM's own threads and threads that ended meanwhile.
 */
final class ForeignCpu {
  /**
   * Foreign CPU always allowed in a run: the JVM's own Java threads' bookkeeping. Compiler and
   * collector bursts fall under the process clock's error allowance instead.
   */
  static final long FLOOR_NANOS = 2_000_000L;

  /** Foreign CPU allowed as a share of the run's wall time. */
  static final double SHARE = 0.05;

  /** Threads that used less than this in all do not get named: they did not disturb anything. */
  private static final long NAMED_NANOS = 10_000_000L;

  private final Map<Long, Long> byThread = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private long total;
  private int started;

  /** How much foreign CPU a run of {@code wallNanos} may see and still be clean. */
  static long allowed(long wallNanos) {
    return Math.max(FLOOR_NANOS, (long) (SHARE * wallNanos));
  }

  /** Opens a window on the calling thread, just before the grader's own code runs. */
  Window open() {
    return new Window();
  }

  /** All the foreign CPU seen, in nanoseconds. */
  long total() {
    return total;
  }

  /** How many threads were started while the grader's own code ran (other than the kernel's). */
  int started() {
    return started;
  }

  /**
   * Up to {@code limit} of the threads that used the most foreign CPU, busiest first, each as "name
   * (1.23 s)"; threads under 10 ms in all are left out.
   */
  List<String> busiest(int limit) {
    return ranked(limit)
        .map(
            thread ->
                String.format(
                    Locale.ROOT, "%s (%.2f s)", name(thread.getKey()), thread.getValue() / 1e9))
        .toList();
  }

  /** The names alone of the threads {@link #busiest(int)} picks. */
  List<String> busiestNames(int limit) {
    return ranked(limit).map(thread -> name(thread.getKey())).toList();
  }

  private Stream<Map.Entry<Long, Long>> ranked(int limit) {
    return byThread.entrySet().stream()
        .filter(thread -> thread.getValue() >= NAMED_NANOS)
        .sorted(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(limit);
  }

  private String name(long id) {
    return names.getOrDefault(id, "thread " + id);
  }

  /** The foreign CPU of named threads, in nanoseconds. */
  long named() {
    return byThread.values().stream()
        .filter(nanos -> nanos >= NAMED_NANOS)
        .mapToLong(Long::longValue)
        .sum();
  }

  /** One timed run of the grader's own code. */
  final class Window {
    private final long judge = Thread.currentThread().threadId();
    private final Map<Long, Long> before = Clocks.perThread();
    private final long startedBefore = Clocks.THREADS.getTotalStartedThreadCount();
    private final long process = Clocks.process();
    private final long own = Clocks.currentThread();
    private final long wall = System.nanoTime();

    private Window() {}

    /** Closes a run that used only the calling thread; returns whether it was clean. */
    boolean close() {
      return close(0, Set.of());
    }

    /**
     * Closes a run that also used {@code helpers}, threads it started and joined, which used {@code
     * helpersCpu} nanoseconds between them; returns whether the run was clean.
     */
    boolean close(long helpersCpu, Set<Long> helpers) {
      long wallNanos = System.nanoTime() - wall;
      long processNanos = Clocks.process() - process;
      long ownNanos = Clocks.currentThread() - own;
      long startedDuring =
          Clocks.THREADS.getTotalStartedThreadCount() - startedBefore - helpers.size();
      Map<Long, Long> after = Clocks.perThread();

      long visible = 0;
      Map<Long, Long> used = new HashMap<>();
      for (Map.Entry<Long, Long> thread : after.entrySet()) {
        long id = thread.getKey();
        long delta = thread.getValue() - before.getOrDefault(id, 0L);
        if (id != judge && !helpers.contains(id) && delta > 0) {
          used.put(id, delta);
          visible += delta;
        }
      }
      long hidden = 0;
      if (Clocks.threadCpu() && process >= 0 && processNanos >= 0) {
        hidden =
            Math.max(0, processNanos - ownNanos - helpersCpu - visible - Clocks.processError());
      }
      remember(used);
      total += hidden;
      long foreign = visible + hidden;
      started += (int) Math.max(0, startedDuring);
      return foreign <= allowed(wallNanos) && startedDuring <= 0;
    }
  }

  private void remember(Map<Long, Long> used) {
    long[] unnamed =
        used.keySet().stream()
            .filter(id -> !names.containsKey(id))
            .mapToLong(Long::longValue)
            .toArray();
    if (unnamed.length > 0) {
      for (ThreadInfo info : Clocks.THREADS.getThreadInfo(unnamed)) {
        if (info != null) {
          names.put(info.getThreadId(), info.getThreadName());
        }
      }
    }
    used.forEach((id, nanos) -> add(id, names.getOrDefault(id, "thread " + id), nanos));
  }

  /**
   * Adds {@code nanos} of foreign CPU used by thread {@code id}, named {@code name}, to the tally.
   */
  void add(long id, String name, long nanos) {
    names.putIfAbsent(id, name);
    byThread.merge(id, nanos, Long::sum);
    total += nanos;
  }
}
