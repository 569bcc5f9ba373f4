package forklab.checks.primes;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Watches how many threads want a CPU while a call runs.
 *
 * <p>A sampler thread looks about every millisecond at the state of every thread the call may use
 * for its work: the calling thread, every thread started during the call, and the JVM's fork/join
 * workers. A thread that is {@code RUNNABLE} wants a CPU, whether or not the machine has one free
 * for it right now; one that is waiting (in {@code join}, or idle in a pool) or has ended does not.
 * A carrier running a virtual thread counts as wanting a CPU too.
 * The busy share is the average over the call of min(C, runnable threads) / C: 1.00 when C threads
 * are busy from start to end, 0.80 for equal halves of [0, N) on two CPUs, 0.50 for one thread.
 *
 * <p>Unlike a time, this share hardly changes when other programs load the machine: a thread that
 * waits for a CPU is still runnable, and a thread that has run out of work is not.
 */
final class BusyThreads {
  private static final long PERIOD_NANOS = 1_000_000;

  /** Threads the JVM may start for virtual threads; they are not the submission's workers. */
  private static final Set<String> JVM_HELPERS =
      Set.of("VirtualThread-unblocker", "VirtualThread-unparker");

  private BusyThreads() {}

  /**
   * Whether a thread wants a CPU: it is runnable, or it is a carrier with a virtual thread mounted
   * (a carrier reports itself as waiting on the virtual thread it runs).
   */
  private static boolean wantsACpu(ThreadInfo info) {
    if (info.getThreadState() == Thread.State.RUNNABLE) {
      return true;
    }
    String lock = info.getLockName();
    return lock != null && lock.startsWith("java.lang.VirtualThread");
  }

  /** What one watched call gave. */
  record Watched(long result, double busyShare, int samples, double millis) {}

  static Watched watch(int cores, LongSupplier call) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long caller = Thread.currentThread().threadId();
    Set<Long> before = new HashSet<>();
    Set<Long> forkJoinWorkers = new HashSet<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
      if (info != null) {
        before.add(info.getThreadId());
        if (info.getThreadName().startsWith("ForkJoinPool")) { // common pool, virtual carriers
          forkJoinWorkers.add(info.getThreadId());
        }
      }
    }

    AtomicBoolean done = new AtomicBoolean();
    double[] busyAndTotal = new double[2];
    int[] samples = new int[1];
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .name("grader-busy-sampler")
            .start(
                () -> {
                  long self = Thread.currentThread().threadId();
                  long previous = System.nanoTime();
                  while (!done.get()) {
                    int runnable = 0;
                    long now = System.nanoTime();
                    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
                      if (info == null || info.getThreadId() == self) {
                        continue;
                      }
                      long id = info.getThreadId();
                      if (id != caller && before.contains(id) && !forkJoinWorkers.contains(id)
                          || JVM_HELPERS.contains(info.getThreadName())) {
                        continue;
                      }
                      if (wantsACpu(info)) {
                        runnable++;
                      }
                    }
                    busyAndTotal[0] += (double) Math.min(runnable, cores) * (now - previous);
                    busyAndTotal[1] += (double) cores * (now - previous);
                    samples[0]++;
                    previous = now;
                    LockSupport.parkNanos(PERIOD_NANOS);
                  }
                });

    long start = System.nanoTime();
    long result;
    try {
      result = call.getAsLong();
    } finally {
      done.set(true);
      joinUninterruptibly(sampler);
    }
    double millis = GraderPrimes.millisSince(start);
    double share = busyAndTotal[1] == 0 ? 1 : busyAndTotal[0] / busyAndTotal[1];
    return new Watched(result, share, samples[0], millis);
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
