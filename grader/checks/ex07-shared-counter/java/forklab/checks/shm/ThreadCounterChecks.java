package forklab.checks.shm;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.shm.SharedCounter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** {@link SharedCounter#incrementWithThreads}: exact totals, no lost update, threads joined. */
@Checks
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ThreadCounterChecks {
  /** How much longer than the fastest call the last call must run before the check is sure. */
  static final long OVERLAP_MILLIS = 300;

  /** How long threads may take to finish dying after the call returned. */
  private static final long GRACE_MILLIS = 1_000;

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 1,
      name = "incrementWithThreads returns exactly threads x incrementsEach, for random counts")
  void exactForRandomCounts(Random random) throws Exception {
    List<String> wrong = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    int[][] cases = {
      {1, 1 + random.nextInt(10_000)},
      {2 + random.nextInt(7), 1 + random.nextInt(50_000)},
      {2 + random.nextInt(15), 1 + random.nextInt(3)},
      {3 + random.nextInt(3), 100_000 + random.nextInt(100_000)},
    };
    for (int[] c : cases) {
      String call = "incrementWithThreads(" + c[0] + ", " + c[1] + ")";
      long expected = (long) c[0] * c[1];
      calls.add(call);
      try {
        long got = SharedCounter.incrementWithThreads(c[0], c[1]);
        if (got != expected) {
          wrong.add(call + " = " + Scratch.number(got) + " instead of " + Scratch.number(expected));
        }
      } catch (RuntimeException e) {
        Scratch.rethrowTodo(e);
        wrong.add(call + " threw " + Scratch.describe(e));
      }
    }
    Feedback.of("incrementWithThreads must return threads x incrementsEach")
        .measured(wrong.isEmpty() ? "every call exact" : Scratch.shorten(wrong, 3))
        .required("exact totals for " + String.join(", ", calls))
        .tryNext(
            "start `threads` threads that each add 1 to one shared counter `incrementsEach` times"
                + " (an AtomicLong, or a long guarded by synchronized), join them all, then read"
                + " the counter")
        .failUnless(wrong.isEmpty());
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 2,
      name = "no update is lost between threads, however long they run side by side")
  void noLostUpdate(TestReporter reporter) throws Exception {
    new Escalation("incrementWithThreads(4, %s)", 4, 100_000, OVERLAP_MILLIS, 8, 30_000)
        .run(
            each -> SharedCounter.incrementWithThreads(4, each),
            "four threads lost updates: some increments overwrote each other",
            "count++ (also on a volatile field) is a read, an add and a write: two threads can read"
                + " the same value and both write value + 1; use an AtomicLong (incrementAndGet), a"
                + " LongAdder, or do the ++ inside synchronized on one shared lock",
            reporter);
  }

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 1,
      name =
          "incrementWithThreads starts its own platform threads and every one has ended when it"
              + " returns")
  void threadsStartedAndJoined(Random random) throws Exception {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    int threads = 3 + random.nextInt(4);
    int each = 50_000 + random.nextInt(50_000);
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    long startedBefore = bean.getTotalStartedThreadCount();

    // The total is the other checks' business: this one looks at the threads.
    SharedCounter.incrementWithThreads(threads, each);

    long started = bean.getTotalStartedThreadCount() - startedBefore;
    Feedback.of(
            "incrementWithThreads("
                + threads
                + ", "
                + each
                + ") must count on "
                + threads
                + " threads of its own")
        .measured(started + " platform thread(s) started during the call")
        .required("at least " + threads)
        .tryNext(
            "start one new platform thread per incrementer (new Thread(...) or"
                + " Thread.ofPlatform().start(...)), not the calling thread alone, and not virtual"
                + " threads")
        .failUnless(started >= threads);

    List<Thread> left = leftOver(before);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      left = leftOver(before);
    }
    List<String> described = new ArrayList<>();
    for (Thread thread : left) {
      described.add("\"" + thread.getName() + "\" (" + thread.getState() + ")");
    }
    Feedback.of("threads started by incrementWithThreads were still alive after it returned")
        .measured(
            left.size()
                + " thread(s) alive "
                + GRACE_MILLIS
                + " ms after the return: "
                + Scratch.shorten(described, 6))
        .required("none: join every thread before reading the counter and returning")
        .tryNext(
            "call join() on every thread you started; with an ExecutorService, shutdown() and"
                + " awaitTermination() (or try-with-resources) before you return")
        .failUnless(left.isEmpty());
  }

  /** Live threads that were not there before, other than the JVM's own. */
  private static List<Thread> leftOver(Set<Thread> before) {
    List<Thread> left = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && !before.contains(thread) && !ownedByTheJvm(thread)) {
        left.add(thread);
      }
    }
    return left;
  }

  /** The common pool, virtual-thread carriers and process reapers outlive any call by design. */
  private static boolean ownedByTheJvm(Thread thread) {
    if (thread instanceof ForkJoinWorkerThread worker
        && worker.getPool() == ForkJoinPool.commonPool()) {
      return true;
    }
    ThreadGroup group = thread.getThreadGroup();
    return (group != null && group.getName().equals("CarrierThreads"))
        || thread.getName().startsWith("VirtualThread-")
        || thread.getName().equals("process reaper")
        || thread.getName().startsWith("forklab-");
  }
}
