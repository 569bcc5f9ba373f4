package forklab.checks.cost;

import static forklab.checks.cost.GraderCreation.micros;
import static forklab.checks.cost.GraderCreation.millis;

import forklab.api.Check;
import forklab.api.Checks;
import forklab.api.Feedback;
import forklab.api.Goal;
import forklab.api.Measurement;
import forklab.api.watch.Descendants;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * What threadNanos and processNanos really do, whatever they return: the JVM's count of started
 * platform threads, and (on Linux) the process ids the machine gave out during the call, less those
 * of the threads.
 */
@Checks
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class CreationChecks {
  /** How long the threads of threadNanos may take to finish dying after it returned. */
  private static final long GRACE_MILLIS = 1_000;

  @AfterEach
  void killLeftovers() {
    Descendants.killAll();
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "threadNanos starts and joins a new platform thread for every sample")
  void threadNanosStartsAThreadPerSample(Random random, TestReporter reporter)
      throws InterruptedException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    for (int samples : new int[] {1, 20 + random.nextInt(41)}) {
      Creations.Call call = Creations.threadNanos(samples);
      if (samples > 1) { // one measurement per check: the larger call
        Measurement.of(call.threads(), "threads")
            .atLeast(samples)
            .detail("call", call.call())
            .detail("returned", micros(call.figure()))
            .detail("call took", millis(call.wallNanos()))
            .publish(reporter);
      }
      Creations.requireATime(call);
      Creations.requireThreads(call);
      Creations.requireWithinTheCall(call);
    }
    // Joined: the threads of an empty task end at once, so none of them may still be alive. (A
    // thread left running would also slow whatever the ratio judge times after it.)
    List<String> left = leftOver(before);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      left = leftOver(before);
    }
    Feedback.of("threads started by threadNanos were still alive after it returned")
        .measured(
            left.size() + " still alive " + GRACE_MILLIS + " ms later: " + TaskChecks.first(left))
        .required("every thread joined before threadNanos returns")
        .tryNext(
            "join() each sample's thread before the next sample starts; a thread that keeps"
                + " running also slows down whatever runs next, your other measurements included")
        .failUnless(left.isEmpty());
  }

  /** Live platform threads that were not there before, other than the JVM's own shared ones. */
  private static List<String> leftOver(Set<Thread> before) {
    List<String> left = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && !before.contains(thread) && !ownedByTheJvm(thread)) {
        left.add("\"" + thread.getName() + "\" (" + thread.getState() + ")");
      }
    }
    return left;
  }

  /**
   * The common fork/join pool, the carriers of virtual threads and the JDK's process reapers belong
   * to the JVM: they outlive any call by design.
   */
  private static boolean ownedByTheJvm(Thread thread) {
    if (thread instanceof ForkJoinWorkerThread worker
        && worker.getPool() == ForkJoinPool.commonPool()) {
      return true;
    }
    ThreadGroup group = thread.getThreadGroup();
    return (group != null && group.getName().equals("CarrierThreads"))
        || thread.getName().startsWith("VirtualThread-")
        || thread.getName().startsWith("process reaper");
  }

  @Test
  @Check(
      goal = Goal.CORRECTNESS,
      points = 2,
      name = "processNanos starts a child process for every sample and waits for each")
  void processNanosStartsAProcessPerSample(Random random, TestReporter reporter)
      throws InterruptedException {
    for (int samples : new int[] {1, 8 + random.nextInt(8)}) {
      Set<Long> before = Descendants.alive();
      Creations.Call call = Creations.processNanos(samples, true);
      Set<Long> alive = Descendants.aliveExcept(before);
      if (samples > 1) {
        Measurement.of(call.processes().orElse(call.childrenSeen().size()), "processes")
            .atLeast(call.processes().isPresent() ? samples : 1)
            .detail("call", call.call())
            .detail(
                "counted by",
                call.processes().isPresent()
                    ? "process ids given out, less those of new threads"
                    : "children seen alive, looking every millisecond")
            .detail("children seen alive", call.childrenSeen().size())
            .detail("returned", micros(call.figure()))
            .detail("call took", millis(call.wallNanos()))
            .publish(reporter);
      }
      Creations.requireATime(call);
      Creations.requireProcesses(call);
      Feedback.of(call.call() + " must wait for each child before it returns")
          .measured("still running right after the call returned: " + alive)
          .required("no child process of this JVM alive")
          .tryNext(
              "call waitFor() on every Process you start, inside the timed part of the sample:"
                  + " a process has not cost its whole cost until it has ended")
          .failUnless(alive.isEmpty());
      Creations.requireWithinTheCall(call);
    }
  }
}
