package forklab.checks.primes;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Gated;
import forklab.api.Goal;
import forklab.primes.PrimeCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

/** Every thread countParallel starts has ended when it returns. */
@Checks
class ThreadLifecycleChecks {
  /** How long threads may take to finish dying after countParallel returned. */
  private static final long GRACE_MILLIS = 1_500;

  @Test
  @Check(
      goal = Goal.CONCURRENCY,
      points = 2,
      name = "no thread is left running after countParallel returns")
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @Gated(CountParallelWorks.class)
  void noThreadIsLeftRunning() throws InterruptedException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    long[][] calls = {{0, 200_000, 4}, {0, 1_000, 2}, {1_000_000, 1_050_000, 3}};
    for (long[] call : calls) {
      long got = PrimeCounter.countParallel(call[0], call[1], (int) call[2]);
      Feedback.of("countParallel gave a wrong count")
          .measured("countParallel(" + call[0] + ", " + call[1] + ", " + call[2] + ") = " + got)
          .required(String.valueOf(GraderPrimes.count(call[0], call[1])))
          .tryNext("make the correctness checks pass first")
          .failUnless(got == GraderPrimes.count(call[0], call[1]));
    }

    List<Thread> left = leftOver(before);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      left = leftOver(before);
    }
    List<String> described = new ArrayList<>();
    for (Thread thread : left) {
      described.add(
          "\""
              + thread.getName()
              + "\" ("
              + thread.getState()
              + (thread.isDaemon() ? ", daemon" : "")
              + ")");
    }
    Feedback.of("threads started by countParallel were still alive after it returned")
        .measured(
            left.size()
                + " thread(s) still alive "
                + GRACE_MILLIS
                + " ms after three calls returned: "
                + String.join(", ", described.subList(0, Math.min(8, described.size())))
                + (described.size() > 8 ? ", ..." : ""))
        .required("no thread started by countParallel is alive once it has returned")
        .tryNext(
            "join every thread you start before returning; with an ExecutorService, call"
                + " shutdown() (or use try-with-resources, which waits) once the results are in")
        .failUnless(left.isEmpty());
  }

  /** Live threads that were not there before, other than the JVM's own shared pools. */
  private static List<Thread> leftOver(Set<Thread> before) {
    List<Thread> left = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && !before.contains(thread) && !ownedByTheJvm(thread)) {
        left.add(thread);
      }
    }
    return left;
  }

  /**
   * The common fork/join pool and the carriers of virtual threads belong to the JVM: they outlive
   * any call by design, and starting them is no leak of the submission's.
   */
  private static boolean ownedByTheJvm(Thread thread) {
    if (thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool()) {
      return true;
    }
    ThreadGroup group = thread.getThreadGroup();
    return (group != null && group.getName().equals("CarrierThreads"))
        || thread.getName().equals("VirtualThread-unparker")
        || thread.getName().equals("VirtualThread-unblocker");
  }
}
